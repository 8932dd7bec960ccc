import { AutocompleteInput, ReferenceInput, required as requiredValue } from 'react-admin';

/** Checked in the form before it is sent, in the console's words (not the server's). */
const mustHave = [requiredValue()];

/** Picks a tree node (grid unit or category) by typing any part of its full path. */
export const PathReferenceInput = ({ source, reference, label, required, filter }: { source: string; reference: string; label?: string; required?: boolean; filter?: object }) => (
  <ReferenceInput source={source} reference={reference} sort={{ field: 'path', order: 'ASC' }} filter={filter} perPage={50}>
    <AutocompleteInput optionText="fullName" label={label} filterToQuery={(q: string) => ({ q })} isRequired={required} validate={required ? mustHave : undefined} fullWidth />
  </ReferenceInput>
);
