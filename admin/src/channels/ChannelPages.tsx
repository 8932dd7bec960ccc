import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, NumberField, NumberInput, required, SelectField, SelectInput, Show, SimpleForm, SimpleList, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { NarrowOrWide } from '../common/NarrowOrWide';
import { choices, GROUPS } from '../common/choices';
import { channelCode } from '../common/validators';
import { EntryLinkField, EntryLinkInput } from './EntryLink';

const Inputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="code" validate={[required(), channelCode]} />
    <SelectInput source="group" choices={choices('group', GROUPS)} validate={required()} />
    <NumberInput source="sort" />
    <BooleanInput source="active" />
    <BooleanInput source="publicEntry" helperText="app.channels.public_entry_hint" />
    <EntryLinkInput />
  </>
);

export const ChannelList = () => (
  <List filters={[<SelectInput key="group" source="group" choices={choices('group', GROUPS)} alwaysOn />]} sort={{ field: 'sort', order: 'ASC' }}>
    <NarrowOrWide
      narrow={<SimpleList linkType="show" primaryText={(r) => r.name} secondaryText={<SelectField source="group" choices={choices('group', GROUPS)} />} />}
      wide={
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="code" />
          <SelectField source="group" choices={choices('group', GROUPS)} />
          <NumberField source="sort" />
          <BooleanField source="active" />
          <BooleanField source="publicEntry" />
        </Datagrid>
      }
    />
  </List>
);

export const ChannelShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="group" choices={choices('group', GROUPS)} />
      <NumberField source="sort" />
      <BooleanField source="active" />
      <BooleanField source="publicEntry" />
      <EntryLinkField label={false} />
    </SimpleShowLayout>
  </Show>
);

export const ChannelEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);

export const ChannelCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true, sort: 0, publicEntry: false }}>
      <Inputs />
    </SimpleForm>
  </Create>
);
