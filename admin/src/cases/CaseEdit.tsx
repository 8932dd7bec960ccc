import { Edit, maxLength, required, SimpleForm, TextInput } from 'react-admin';

/** Corrections of what was logged (recorded on the timeline); everything else moves through actions. */
export const CaseEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput source="description" multiline minRows={3} validate={maxLength(5000)} fullWidth />
      <TextInput source="address" fullWidth />
      <TextInput source="reporterName" />
      <TextInput source="reporterPhone" />
    </SimpleForm>
  </Edit>
);
