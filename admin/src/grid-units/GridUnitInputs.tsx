import { BooleanInput, FormDataConsumer, NumberInput, required, SelectInput, TextInput } from 'react-admin';
import { choices, LEVELS } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';

export const GridUnitInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="code" validate={required()} />
    <SelectInput source="level" choices={choices('level', LEVELS)} validate={required()} />
    <PathReferenceInput source="parentId" reference="grid-units" />
    <TextInput source="leaderName" />
    <TextInput source="leaderPhone" />
    <NumberInput source="lat" />
    <NumberInput source="lng" />
    <NumberInput source="sort" />
    {/* 退单审核: only a community may rule on its own units' returns (its dispatchers instead of a supervisor). */}
    <FormDataConsumer>{({ formData }) => formData.level === 'community' && <BooleanInput source="rulesReturns" label="app.fair.rules_returns" />}</FormDataConsumer>
  </>
);
