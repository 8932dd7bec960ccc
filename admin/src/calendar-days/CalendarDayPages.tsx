import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, required, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, useTranslate } from 'react-admin';
import { isoDate } from '../common/validators';
import { httpClient } from '../dataProvider';
import { CalendarYear } from './CalendarYear';

/** Warns when the coming year has neither official holiday data nor local corrections. */
export const CalendarWarning = () => {
  const t = useTranslate();
  const [status, setStatus] = useState<{ warning: boolean; nextYear: number } | null>(null);
  useEffect(() => {
    httpClient('/api/calendar/status').then(({ json }) => setStatus(json), () => setStatus(null));
  }, []);
  return status?.warning ? <Alert severity="warning">{t('app.calendar.warning', { year: status.nextYear })}</Alert> : null;
};

const Inputs = () => (
  <>
    <TextInput source="date" validate={[required(), isoDate]} helperText="app.validation.date_hint" />
    <BooleanInput source="workday" />
    <TextInput source="name" />
  </>
);

/** The year view to see and correct the calendar with a click, then the corrections as a list (with their notes). */
export const CalendarDayList = () => (
  <List sort={{ field: 'date', order: 'DESC' }} empty={false}>
    <CalendarWarning />
    <CalendarYear />
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="date" />
      <BooleanField source="workday" />
      <TextField source="name" emptyText="—" />
    </Datagrid>
  </List>
);

export const CalendarDayShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="date" />
      <BooleanField source="workday" />
      <TextField source="name" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export const CalendarDayEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);

export const CalendarDayCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ workday: false }}>
      <Inputs />
    </SimpleForm>
  </Create>
);
