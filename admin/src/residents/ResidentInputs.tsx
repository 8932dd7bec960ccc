import { required, SelectArrayInput, TextInput } from 'react-admin';
import { choices, TAGS } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';
import { phone } from '../common/validators';

export const ResidentInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="phone" validate={phone} />
    <PathReferenceInput source="gridUnitId" reference="grid-units" required />
    <TextInput source="address" fullWidth />
    <SelectArrayInput source="tags" choices={choices('tag', TAGS)} />
  </>
);
