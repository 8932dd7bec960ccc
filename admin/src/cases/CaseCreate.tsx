import {
  AutocompleteInput,
  Create,
  DateTimeInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { choices, PRIORITIES, TYPES } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';
import { getUser } from '../authProvider';
import { useRefreshTodo } from '../todo';

export const CaseCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  const refreshTodo = useRefreshTodo();
  const scope = getUser()?.scopeUnitId;
  return (
    <Create
      mutationOptions={{
        onSuccess: (data: { id: number; number: string }) => {
          notify(t('app.cases.number_created', { number: data.number }), { type: 'success' });
          refreshTodo();
          redirect('show', 'cases', data.id);
        },
      }}
    >
      <SimpleForm defaultValues={{ type: 'help', priority: 'normal' }}>
        <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
        <TextInput source="description" multiline minRows={3} validate={maxLength(5000)} fullWidth />
        <SelectInput source="type" choices={choices('type', TYPES)} validate={required()} />
        <ReferenceInput source="channelId" reference="channels" sort={{ field: 'sort', order: 'ASC' }} filter={{ active: true }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <PathReferenceInput source="categoryId" reference="categories" required />
        {/* Only units in the user's own scope: the API refuses the others. */}
        <PathReferenceInput source="gridUnitId" reference="grid-units" required filter={scope ? { unitId: scope } : undefined} />
        <SelectInput source="priority" choices={choices('priority', PRIORITIES)} />
        <ReferenceInput source="residentId" reference="residents">
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
        <TextInput source="reporterName" validate={maxLength(50)} />
        <TextInput source="reporterPhone" />
        <TextInput source="address" validate={maxLength(200)} fullWidth />
        <DateTimeInput source="receivedAt" />
      </SimpleForm>
    </Create>
  );
};
