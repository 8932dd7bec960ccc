import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, maxLength, NumberField, required, SearchInput, SelectField, SelectInput, Show, SimpleForm, SimpleList, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { choices } from '../common/choices';
import { NarrowOrWide } from '../common/NarrowOrWide';

/** The actions whose text a template fills (the API's TEMPLATE_ACTIONS). */
export const TEMPLATE_ACTIONS = ['reply', 'close_directly', 'comment', 'return', 'reject', 'request_extension', 'follow_up'] as const;

const Inputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
    <SelectInput source="action" choices={choices('action', TEMPLATE_ACTIONS)} emptyText="app.knowledge.any_action" />
    <TextInput source="text" multiline minRows={4} validate={[required(), maxLength(2000)]} helperText="app.knowledge.placeholders" fullWidth />
    <BooleanInput source="active" />
  </>
);

/** 回复模板: texts with the case's facts filled in ({居民} {单位} {时限} {编号} {分类}). */
export const ReplyTemplateList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'uses', order: 'DESC' }}>
    <NarrowOrWide
      narrow={<SimpleList linkType="show" primaryText={(r) => r.name} secondaryText={(r) => r.text} />}
      wide={
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <SelectField source="action" choices={choices('action', TEMPLATE_ACTIONS)} emptyText="—" />
          <TextField source="text" />
          <NumberField source="uses" />
          <BooleanField source="active" />
        </Datagrid>
      }
    />
  </List>
);

export const ReplyTemplateShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="action" choices={choices('action', TEMPLATE_ACTIONS)} emptyText="—" />
      <TextField source="text" sx={{ whiteSpace: 'pre-wrap' }} />
      <NumberField source="uses" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

export const ReplyTemplateEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);

export const ReplyTemplateCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true }}>
      <Inputs />
    </SimpleForm>
  </Create>
);
