import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, NumberInput, ReferenceField, ReferenceInput, required, SearchInput, SelectInput, Show, SimpleForm, SimpleList, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { NarrowOrWide } from '../common/NarrowOrWide';
import { choices, RESOLVE_UNITS } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';
import { AppliedLimitField } from './AppliedLimitField';
import { HoursInput } from './HoursInput';

const Inputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="code" validate={required()} />
    <PathReferenceInput source="parentId" reference="categories" />
    <ReferenceInput source="departmentId" reference="departments" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" />
    </ReferenceInput>
    <HoursInput source="signForHours" />
    <HoursInput source="responseHours" />
    <NumberInput source="resolveLimit" />
    <SelectInput source="resolveUnit" choices={choices('resolveUnit', RESOLVE_UNITS)} />
    <HoursInput source="urgentSignForHours" />
    <HoursInput source="urgentResponseHours" />
    <HoursInput source="urgentResolveHours" />
    <NumberInput source="sort" />
    <BooleanInput source="active" />
    <BooleanInput source="public" helperText="app.categories.public_hint" />
    <TextInput source="keywords" helperText="app.categories.keywords_hint" sx={{ width: '100%', maxWidth: 600 }} />
  </>
);

/** The limits in force, inherited ones marked (继承); the resolve limit carries its unit. */
const limitFields = [
  <AppliedLimitField key="s" source="signForHours" sortable={false} />,
  <AppliedLimitField key="r" source="responseHours" sortable={false} />,
  <AppliedLimitField key="l" source="resolveLimit" sortable={false} />,
];

export const CategoryList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'path', order: 'ASC' }} perPage={50}>
    <NarrowOrWide
      narrow={
        <SimpleList
          linkType="show"
          primaryText={(r) => r.fullName}
          secondaryText={
            <ReferenceField source="departmentId" reference="departments" link={false} emptyText="—">
              <TextField source="name" />
            </ReferenceField>
          }
        />
      }
      wide={
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="fullName" />
          <TextField source="code" />
          <ReferenceField source="departmentId" reference="departments" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
          {limitFields}
          <BooleanField source="public" />
        </Datagrid>
      }
    />
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
      <AppliedLimitField source="urgentSignForHours" />
      <AppliedLimitField source="urgentResponseHours" />
      <AppliedLimitField source="urgentResolveHours" />
      <BooleanField source="active" />
      <BooleanField source="public" />
      <TextField source="keywords" emptyText="—" />
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
    <SimpleForm defaultValues={{ active: true, public: true }}>
      <Inputs />
    </SimpleForm>
  </Create>
);
