import { Datagrid, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { choices, LEVELS } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={choices('level', LEVELS)} alwaysOn />,
  <PathReferenceInput key="unitId" source="unitId" reference="grid-units" label="resources.grid-units.fields.unitId" />,
];

/** Sorted by path, so every unit follows its parent: the tree, read top-down, with its full path shown. */
export const GridUnitList = () => (
  <List filters={filters} sort={{ field: 'path', order: 'ASC' }} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="fullName" />
      <SelectField source="level" choices={choices('level', LEVELS)} />
      <TextField source="code" />
      <TextField source="leaderName" emptyText="—" />
      <TextField source="leaderPhone" emptyText="—" />
    </Datagrid>
  </List>
);
