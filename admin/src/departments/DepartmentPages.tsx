import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, required, SearchInput, SelectField, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { choices, KINDS } from '../common/choices';
import { phoneNumber } from '../common/validators';

const Inputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <SelectInput source="kind" choices={choices('kind', KINDS)} />
    <TextInput source="phone" validate={phoneNumber} />
    <TextInput source="contactName" />
    <BooleanInput source="active" />
  </>
);

export const DepartmentList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={choices('kind', KINDS)} alwaysOn />]} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <SelectField source="kind" choices={choices('kind', KINDS)} />
      <TextField source="phone" emptyText="—" />
      <TextField source="contactName" emptyText="—" />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);

export const DepartmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="kind" choices={choices('kind', KINDS)} />
      <TextField source="phone" emptyText="—" />
      <TextField source="contactName" emptyText="—" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

export const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);

export const DepartmentCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ kind: 'government', active: true }}>
      <Inputs />
    </SimpleForm>
  </Create>
);
