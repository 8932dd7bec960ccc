import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, NumberField, NumberInput, ReferenceField, ReferenceInput, required, SearchInput, SelectField, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { choices, RESOLVE_UNITS } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';

const Inputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="code" validate={required()} />
    <PathReferenceInput source="parentId" reference="categories" />
    <ReferenceInput source="departmentId" reference="departments" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" />
    </ReferenceInput>
    <NumberInput source="signForHours" />
    <NumberInput source="responseHours" />
    <NumberInput source="resolveLimit" />
    <SelectInput source="resolveUnit" choices={choices('resolveUnit', RESOLVE_UNITS)} />
    <NumberInput source="urgentSignForHours" />
    <NumberInput source="urgentResponseHours" />
    <NumberInput source="urgentResolveHours" />
    <NumberInput source="sort" />
    <BooleanInput source="active" />
  </>
);

const limitFields = [
  <NumberField key="s" source="signForHours" emptyText="—" />,
  <NumberField key="r" source="responseHours" emptyText="—" />,
  <NumberField key="l" source="resolveLimit" emptyText="—" />,
  <SelectField key="u" source="resolveUnit" choices={choices('resolveUnit', RESOLVE_UNITS)} emptyText="—" />,
];

export const CategoryList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'path', order: 'ASC' }} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="fullName" />
      <TextField source="code" />
      <ReferenceField source="departmentId" reference="departments" link={false} emptyText="—">
        <TextField source="name" />
      </ReferenceField>
      {limitFields}
    </Datagrid>
  </List>
);

export const CategoryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="fullName" />
      <TextField source="code" />
      <ReferenceField source="departmentId" reference="departments" emptyText="—">
        <TextField source="name" />
      </ReferenceField>
      {limitFields}
      <NumberField source="urgentSignForHours" emptyText="—" />
      <NumberField source="urgentResponseHours" emptyText="—" />
      <NumberField source="urgentResolveHours" emptyText="—" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

export const CategoryEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);

export const CategoryCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ active: true }}>
      <Inputs />
    </SimpleForm>
  </Create>
);
