import { Button, FormControlLabel, Stack, Switch } from '@mui/material';
import { useState } from 'react';
import { BooleanInput, maxLength, minLength, required, SelectArrayInput, TextInput, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { choices } from '../common/choices';
import { httpUrl } from '../common/validators';
import { appZh } from '../i18n/app-zh';
import { randomSecret } from './deliveries';

/** The timeline's actions, the words the console already has for them: what a receiver may choose to hear. */
export const WEBHOOK_EVENTS = Object.keys(appZh.enums.action);

const secretRules = [required(), minLength(16), maxLength(200)];

/** The secret field with a 生成 button: a random secret to copy to the receiver before saving (never shown again). */
const SecretInput = () => {
  const t = useTranslate();
  const { setValue } = useFormContext();
  return (
    <Stack direction="row" spacing={1} alignItems="flex-start" sx={{ width: '100%', maxWidth: 600 }}>
      {/* Unregistered when hidden: an edit that does not change the secret sends none. */}
      <TextInput source="secret" validate={secretRules} helperText="app.webhooks.secret_hint" shouldUnregister autoComplete="off" sx={{ flex: 1 }} />
      <Button sx={{ mt: 1.5, flexShrink: 0 }} onClick={() => setValue('secret', randomSecret(), { shouldDirty: true, shouldValidate: true })} data-testid="secret-generate">
        {t('app.webhooks.generate')}
      </Button>
    </Stack>
  );
};

/** A webhook's fields; the secret is asked on creation, and on an edit only when the admin chooses to change it. */
export const WebhookInputs = ({ create }: { create?: boolean }) => {
  const t = useTranslate();
  const [changeSecret, setChangeSecret] = useState(false);
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(100)]} />
      <TextInput source="url" validate={[required(), httpUrl, maxLength(500)]} helperText="app.webhooks.url_hint" sx={{ width: '100%', maxWidth: 600 }} />
      <SelectArrayInput source="events" choices={choices('action', WEBHOOK_EVENTS)} helperText="app.webhooks.events_hint" sx={{ width: '100%', maxWidth: 600 }} />
      {!create && (
        <FormControlLabel control={<Switch checked={changeSecret} onChange={(e) => setChangeSecret(e.target.checked)} data-testid="change-secret" />} label={t('app.webhooks.change_secret')} />
      )}
      {(create || changeSecret) && <SecretInput />}
      <BooleanInput source="active" helperText="app.webhooks.active_hint" />
    </>
  );
};
