import { Button } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { ReferenceInput, SelectInput, required, useNotify, useTranslate } from 'react-admin';
import { getUser, updateSessionUser } from '../../authProvider';
import { saveDefaultChannel } from './deskApi';

const LAST_CHANNEL = 'tracker.intake.lastChannel';

/** The channel a new form starts with: the user's own default, else the one they chose last time here. */
export function presetChannel(): number | undefined {
  const own = getUser()?.defaultChannelId;
  if (own) return own;
  const last = Number(localStorage.getItem(LAST_CHANNEL));
  return Number.isInteger(last) && last > 0 ? last : undefined;
}

export const rememberChannel = (id: unknown) => {
  if (typeof id === 'number') localStorage.setItem(LAST_CHANNEL, String(id));
};

/** 来源渠道, with "设为我的默认渠道" when the chosen one is not the user's default yet. */
export const ChannelInput = () => {
  const t = useTranslate();
  const notify = useNotify();
  const chosen = useWatch({ name: 'channelId' });
  const isDefault = chosen != null && chosen === getUser()?.defaultChannelId;
  const makeDefault = async () => {
    try {
      const { defaultChannelId } = await saveDefaultChannel(chosen);
      updateSessionUser({ defaultChannelId });
      notify('app.intake.default_saved', { type: 'success' });
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    }
  };
  return (
    <>
      <ReferenceInput source="channelId" reference="channels" sort={{ field: 'sort', order: 'ASC' }} filter={{ active: true }}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
      {chosen != null && !isDefault && (
        <Button size="small" onClick={makeDefault} sx={{ alignSelf: 'flex-start', mt: -1, mb: 1 }}>
          {t('app.intake.make_default')}
        </Button>
      )}
    </>
  );
};
