import { useState } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  BooleanField,
  Create,
  Datagrid,
  DeleteWithConfirmButton,
  List,
  minValue,
  NumberField,
  NumberInput,
  type RaRecord,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextField,
  TextInput,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { copyText } from '../common/clipboard';
import { LocalDateField } from '../common/LocalDateField';
import { NarrowOrWide } from '../common/NarrowOrWide';

/** 停用 with a confirmation; a revoked key keeps its row (the requests it logged point at it) and offers nothing more. */
const RevokeButton = () => {
  const record = useRecordContext<{ active: boolean; name: string }>();
  if (!record?.active) return null;
  return (
    <DeleteWithConfirmButton
      label="app.api_keys.revoke"
      mutationMode="pessimistic"
      confirmTitle="app.api_keys.revoke_title"
      confirmContent="app.api_keys.revoke_content"
      translateOptions={{ name: record.name }}
      successMessage="app.api_keys.revoked_done"
      redirect={false}
    />
  );
};

/** On a phone: the name, and the key's start with whether it is revoked. */
const KeyLine = () => {
  const t = useTranslate();
  const record = useRecordContext<{ prefix: string; active: boolean }>();
  return <>{record ? `${record.prefix}… · ${record.active ? t('app.api_keys.in_use') : t('app.api_keys.revoked')}` : null}</>;
};

export const ApiKeyList = () => (
  <List sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <NarrowOrWide
      narrow={<SimpleList primaryText={(r) => r.name} secondaryText={<KeyLine />} linkType={false} />}
      wide={
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="name" />
          <TextField source="prefix" />
          <ReferenceField source="channelId" reference="channels" link={false} />
          <NumberField source="perMinute" />
          <LocalDateField source="lastUsedAt" showTime emptyText="—" />
          <BooleanField source="active" />
          <LocalDateField source="revokedAt" showTime emptyText="—" />
          <RevokeButton />
        </Datagrid>
      }
    />
  </List>
);

/** The new key, shown this once: the API keeps only its hash. */
const NewKeyDialog = ({ apiKey, onClose }: { apiKey: string; onClose: () => void }) => {
  const t = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    const ok = await copyText(apiKey);
    notify(ok ? 'app.api_keys.copied' : 'app.api_keys.copy_failed', { type: ok ? 'info' : 'warning' });
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('app.api_keys.created_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('app.api_keys.shown_once')}
        </Alert>
        <MuiTextField value={apiKey} fullWidth slotProps={{ input: { readOnly: true, sx: { fontFamily: 'monospace' } }, htmlInput: { 'data-testid': 'new-api-key' } }} />
      </DialogContent>
      <DialogActions>
        <MuiButton startIcon={<ContentCopyIcon />} onClick={copy}>
          {t('app.api_keys.copy')}
        </MuiButton>
        <MuiButton variant="contained" onClick={onClose}>
          {t('app.api_keys.done')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

export const ApiKeyCreate = () => {
  const [created, setCreated] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: RaRecord) => setCreated(String(data.key)) }} redirect={false}>
        <SimpleForm defaultValues={{ perMinute: 60 }}>
          <TextInput source="name" validate={required()} />
          <ReferenceInput source="channelId" reference="channels" sort={{ field: 'sort', order: 'ASC' }} filter={{ active: true }}>
            <SelectInput optionText="name" validate={required()} />
          </ReferenceInput>
          <NumberInput source="perMinute" validate={[required(), minValue(1)]} />
        </SimpleForm>
      </Create>
      {created && <NewKeyDialog apiKey={created} onClose={() => redirect('list', 'api-keys')} />}
    </>
  );
};
