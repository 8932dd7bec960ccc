import { AutocompleteInput, ReferenceInput, required as requiredValue } from 'react-admin';

/** Picks a tree node (grid unit or category) by typing any part of its full path; `required` is checked before sending. */
export const PathReferenceInput = ({ source, reference, label, required, filter }: { source: string; reference: string; label?: string; required?: boolean; filter?: object }) => (
  <ReferenceInput source={source} reference={reference} sort={{ field: 'path', order: 'ASC' }} filter={filter} perPage={50}>
    <AutocompleteInput optionText="fullName" label={label} filterToQuery={(q: string) => ({ q })} validate={required ? requiredValue() : undefined} fullWidth />
  </ReferenceInput>
);
