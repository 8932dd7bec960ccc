import { BooleanInput, Datagrid, List, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { TagChips } from '../cases/CaseBits';
import { choices, TAGS } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="keyPopulation" source="keyPopulation" alwaysOn />,
  <SelectInput key="tag" source="tag" choices={choices('tag', TAGS)} label="resources.residents.fields.tags" />,
  <PathReferenceInput key="unitId" source="unitId" reference="grid-units" label="resources.residents.fields.unitId" />,
];

export const ResidentList = () => (
  <List filters={filters}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="phone" emptyText="—" />
      <ReferenceField source="gridUnitId" reference="grid-units" link={false}>
        <TextField source="fullName" />
      </ReferenceField>
      <TextField source="address" emptyText="—" />
      <TagChips source="tags" label="resources.residents.fields.tags" />
    </Datagrid>
  </List>
);
