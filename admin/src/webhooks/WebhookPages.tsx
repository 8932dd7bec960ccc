import { Chip, Stack } from '@mui/material';
import {
  BooleanField,
  Create,
  Datagrid,
  Edit,
  List,
  Pagination,
  ReferenceManyField,
  SearchInput,
  Show,
  SimpleForm,
  SimpleList,
  Tab,
  TabbedShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { NarrowOrWide } from '../common/NarrowOrWide';
import { DeliveryList } from './DeliveryList';
import { WebhookInputs } from './WebhookInputs';

/** The events a webhook hears as chips, or 全部事件 when it chose none. */
const EventChips = (_props: { label?: string }) => {
  const record = useRecordContext();
  const t = useTranslate();
  const events: string[] = record?.events ?? [];
  if (!events.length) return <Chip size="small" label={t('app.webhooks.all_events')} />;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {events.map((e) => (
        <Chip key={e} size="small" variant="outlined" label={t(`enums.action.${e}`, { _: e })} />
      ))}
    </Stack>
  );
};

const activeText = (t: (k: string) => string, active: boolean) => (active ? '' : ` · ${t('app.records.inactive')}`);

const WebhookLines = () => {
  const t = useTranslate();
  return <SimpleList linkType="show" primaryText={(r) => `${r.name}${activeText(t, r.active)}`} secondaryText={(r) => <span style={{ overflowWrap: 'anywhere' }}>{r.url}</span>} />;
};

export const WebhookList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]}>
    <NarrowOrWide
      narrow={<WebhookLines />}
      wide={
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="url" />
          <EventChips label="resources.webhooks.fields.events" />
          <BooleanField source="active" />
          <LocalDateField source="createdAt" showTime />
        </Datagrid>
      }
    />
  </List>
);

/** 设置 and 推送记录 (its deliveries, newest first, with their state and 重试). */
export const WebhookShow = () => (
  <Show>
    <TabbedShowLayout>
      <Tab label="app.webhooks.settings">
        <TextField source="name" />
        <TextField source="url" sx={{ overflowWrap: 'anywhere' }} />
        <EventChips label="resources.webhooks.fields.events" />
        <BooleanField source="active" />
        <LocalDateField source="createdAt" showTime />
      </Tab>
      <Tab label="app.webhooks.deliveries" path="deliveries">
        <ReferenceManyField label={false} reference="webhook-deliveries" target="webhookId" sort={{ field: 'id', order: 'DESC' }} perPage={25} pagination={<Pagination rowsPerPageOptions={[25]} />}>
          <DeliveryList />
        </ReferenceManyField>
      </Tab>
    </TabbedShowLayout>
  </Show>
);

/** Disabling is the edit's 启用 switch: a receiver with deliveries on record is never deleted (the API answers 409). */
export const WebhookEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <WebhookInputs />
    </SimpleForm>
  </Edit>
);

export const WebhookCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ active: true, events: [] }}>
      <WebhookInputs create />
    </SimpleForm>
  </Create>
);
