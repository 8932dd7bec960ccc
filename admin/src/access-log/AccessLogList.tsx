import { Datagrid, DateInput, FilterButton, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SelectField, SelectInput, SimpleList, TextField, TopToolbar, useListContext, useTranslate, type RaRecord } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { NarrowOrWide } from '../common/NarrowOrWide';
import { choices } from '../common/choices';
import { ExportButtons } from '../reports/ExportButtons';
import { dateIn } from '../reports/period';
import { ACCESS_ACTIONS, ACCESS_RESOURCES, detailWords } from './accessLog';

const filters = [
  <ReferenceInput key="userId" source="userId" reference="users" sort={{ field: 'username', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={choices('accessAction', ACCESS_ACTIONS)} alwaysOn />,
  <SelectInput key="resource" source="resource" choices={choices('accessResource', ACCESS_RESOURCES)} />,
  <DateInput key="at_gte" source="at_gte" alwaysOn />,
  <DateInput key="at_lte" source="at_lte" alwaysOn />,
];

/** The log as a file, under the same filter and sort as on screen (`/api/access-log.xlsx?filter=…`). */
const Actions = () => {
  const { filterValues, sort } = useListContext();
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}), sort: JSON.stringify([sort.field, sort.order]) }).toString();
  return (
    <TopToolbar>
      <FilterButton />
      <ExportButtons path="access-log" query={query} fileBase={`access-log-${dateIn()}`} />
    </TopToolbar>
  );
};

/** `list`, `full xlsx`… in words: 列表, 完整信息 · Excel 文件. */
const DetailField = (_props: { source?: string; label?: string }) => {
  const t = useTranslate();
  return <FunctionField source="detail" render={(r: RaRecord) => detailWords(r.detail, t) || '—'} />;
};

/** On a phone, one entry a line: who did what to which resource, then when and how many rows, then the detail. */
const AccessLogLines = () => {
  const t = useTranslate();
  return (
    <SimpleList
      linkType={false}
      primaryText={(r) => (
        <>
          <ReferenceField record={r} source="userId" reference="users" link={false}>
            <TextField source="name" />
          </ReferenceField>{' '}
          {t(`enums.accessAction.${r.action}`, { _: r.action })} {t(`enums.accessResource.${r.resource}`, { _: r.resource })}
          {r.recordId != null && ` #${r.recordId}`}
        </>
      )}
      secondaryText={(r) => (
        <>
          <LocalDateField record={r} source="at" showTime />
          {r.rows != null && ` · ${t('app.accessLog.rows', { smart_count: r.rows })}`}
          {r.detail && ` · ${detailWords(r.detail, t)}`}
        </>
      )}
      rowSx={() => ({ '& .MuiListItemText-root': { overflowWrap: 'anywhere' } })}
    />
  );
};

/** Who viewed or exported personal data in full, newest first: read-only, for admins. */
export const AccessLogList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'at', order: 'DESC' }} exporter={false}>
    <NarrowOrWide
      narrow={<AccessLogLines />}
      wide={
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <LocalDateField source="at" showTime />
          <ReferenceField source="userId" reference="users" link={false}>
            <TextField source="name" />
          </ReferenceField>
          <SelectField source="action" choices={choices('accessAction', ACCESS_ACTIONS)} />
          <SelectField source="resource" choices={choices('accessResource', ACCESS_RESOURCES)} />
          <NumberField source="recordId" emptyText="—" />
          <NumberField source="rows" emptyText="—" />
          <DetailField source="detail" label="resources.access-log.fields.detail" />
        </Datagrid>
      }
    />
  </List>
);
