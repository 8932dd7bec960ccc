import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, required, SearchInput, SelectField, SelectInput, Show, SimpleForm, SimpleList, SimpleShowLayout, TextField, TextInput, useTranslate } from 'react-admin';
import { NarrowOrWide } from '../common/NarrowOrWide';
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

/** On a phone: the unit's name, then its kind, phone and contact (a withdrawn unit says so). */
const DepartmentLines = () => {
  const t = useTranslate();
  return (
    <SimpleList
      linkType="show"
      primaryText={(r) => r.name}
      secondaryText={(r) =>
        [r.kind && t(`enums.kind.${r.kind}`, { _: r.kind }), r.phone, r.contactName, r.active === false && t('app.records.inactive')].filter(Boolean).join(' · ')
      }
    />
  );
};

export const DepartmentList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={choices('kind', KINDS)} alwaysOn />]} sort={{ field: 'name', order: 'ASC' }}>
    <NarrowOrWide
      narrow={<DepartmentLines />}
      wide={
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <SelectField source="kind" choices={choices('kind', KINDS)} />
          <TextField source="phone" emptyText="—" />
          <TextField source="contactName" emptyText="—" />
          <BooleanField source="active" />
        </Datagrid>
      }
    />
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
