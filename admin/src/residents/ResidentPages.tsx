import { Create, Edit, Pagination, ReferenceField, ReferenceManyField, Show, SimpleForm, SimpleShowLayout, TextField } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { TagChips } from '../cases/CaseBits';
import { CaseDatagrid } from '../cases/CaseDatagrid';
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
      <LocalDateField source="createdAt" showTime />
      {/* Every request the household made, newest first: what a caller-first desk and a home visit start from. */}
      <ReferenceManyField source="id" reference="cases" target="residentId" label="resources.residents.fields.cases" sort={{ field: 'receivedAt', order: 'DESC' }} perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
        <CaseDatagrid />
      </ReferenceManyField>
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
