import { Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { choices, LEVELS } from '../common/choices';
import { UnitChildren } from './UnitChildren';

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
      <Labeled label="app.grid.children">
        <UnitChildren />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
