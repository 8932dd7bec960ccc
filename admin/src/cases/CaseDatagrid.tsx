import { Stack, useMediaQuery, type Theme } from '@mui/material';
import { Datagrid, ReferenceField, TextField, useRecordContext } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { CaseCards } from './CaseCards';
import { BouncedChip, CasePlace, DueBadge, StatusChip, SuperviseChip, TagChips } from './CaseBits';

/** The title with the resident's key-population tags under it: both say who and what, and share one column. */
const TitleCell = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext();
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      <span>{record?.title}</span>
      <TagChips />
    </Stack>
  );
};

/** The deadline badge with the 督办 level under it: how urgent, in one column. */
const ClockCell = (_props: { label?: string; sortBy?: string }) => (
  <Stack spacing={0.5} alignItems="flex-start">
    <DueBadge />
    <SuperviseChip />
    <BouncedChip />
  </Stack>
);

/**
 * The case columns, one definition for the case list and the to-do list; a row opens the case page. The channel is a
 * filter (channel group, channel) and on the case page, not a column: the unit, the place and the clock are what
 * triage reads, and a 1400 px screen holds no more columns without squeezing the titles to a character a line.
 * Below the `md` breakpoint the same cases as cards.
 */
export const CaseDatagrid = () => {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  if (narrow) return <CaseCards />;
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' }, '& .case-place': { whiteSpace: 'nowrap' } }}>
      <TextField source="number" sx={{ whiteSpace: 'nowrap' }} />
      <TitleCell label="resources.cases.fields.title" sortBy="title" />
      <StatusChip label="resources.cases.fields.status" />
      <ReferenceField source="categoryId" reference="categories" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <ReferenceField source="departmentId" reference="departments" link={false} emptyText="—">
        <TextField source="name" />
      </ReferenceField>
      <CasePlace label="app.cases.place" />
      <LocalDateField source="receivedAt" showTime />
      <ClockCell label="resources.cases.fields.dueState" sortBy="resolveDueAt" />
    </Datagrid>
  );
};
