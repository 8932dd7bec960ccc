import { Datagrid, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { choices, LEVELS } from '../common/choices';

export const GridUnitShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="fullName" />
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="level" choices={choices('level', LEVELS)} />
      <ReferenceField source="parentId" reference="grid-units" emptyText="—">
        <TextField source="fullName" />
      </ReferenceField>
      <TextField source="leaderName" emptyText="—" />
      <TextField source="leaderPhone" emptyText="—" />
      <ReferenceManyField label="app.grid.children" reference="grid-units" target="parentId" sort={{ field: 'path', order: 'ASC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <SelectField source="level" choices={choices('level', LEVELS)} />
          <TextField source="code" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
