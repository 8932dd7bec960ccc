import { Create, DateField, Edit, ReferenceField, Show, SimpleForm, SimpleShowLayout, TextField } from 'react-admin';
import { TagChips } from '../cases/CaseBits';
import { ResidentInputs } from './ResidentInputs';

export const ResidentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="phone" emptyText="—" />
      <ReferenceField source="gridUnitId" reference="grid-units">
        <TextField source="fullName" />
      </ReferenceField>
      <TextField source="address" emptyText="—" />
      <TagChips source="tags" label="resources.residents.fields.tags" />
      <DateField source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);

export const ResidentEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <ResidentInputs />
    </SimpleForm>
  </Edit>
);

export const ResidentCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ResidentInputs />
    </SimpleForm>
  </Create>
);
