import { Datagrid, DateInput, FilterButton, List, NumberField, ReferenceField, ReferenceInput, SelectField, SelectInput, TextField, TopToolbar, useListContext } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { choices } from '../common/choices';
import { ExportButtons } from '../reports/ExportButtons';
import { dateIn } from '../reports/period';
import { ACCESS_ACTIONS, ACCESS_RESOURCES } from './accessLog';

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

/** Who viewed or exported personal data in full, newest first: read-only, for admins. */
export const AccessLogList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'at', order: 'DESC' }} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <LocalDateField source="at" showTime />
      <ReferenceField source="userId" reference="users" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <SelectField source="action" choices={choices('accessAction', ACCESS_ACTIONS)} />
      <SelectField source="resource" choices={choices('accessResource', ACCESS_RESOURCES)} />
      <NumberField source="recordId" emptyText="—" />
      <NumberField source="rows" emptyText="—" />
      <TextField source="detail" emptyText="—" />
    </Datagrid>
  </List>
);
