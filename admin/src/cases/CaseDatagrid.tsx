import { useMediaQuery, type Theme } from '@mui/material';
import { Datagrid, DateField, ReferenceField, TextField } from 'react-admin';
import { CaseCards } from './CaseCards';
import { CasePlace, DueBadge, StatusChip, SuperviseChip, TagChips } from './CaseBits';

/**
 * The case columns, one definition for the case list and the to-do list; a row opens the case page.
 * Below the `md` breakpoint (phones, narrow tablets) the same cases as cards.
 */
export const CaseDatagrid = () => {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  if (narrow) return <CaseCards />;
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' } }}>
      <TextField source="number" sx={{ whiteSpace: 'nowrap' }} />
      <TextField source="title" />
      <StatusChip label="resources.cases.fields.status" />
      <ReferenceField source="categoryId" reference="categories" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <ReferenceField source="channelId" reference="channels" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <ReferenceField source="departmentId" reference="departments" link={false} emptyText="—">
        <TextField source="name" />
      </ReferenceField>
      <CasePlace label="app.cases.place" sortable={false} />
      <DateField source="receivedAt" showTime />
      <DueBadge label="resources.cases.fields.dueState" sortBy="resolveDueAt" />
      <SuperviseChip label="resources.cases.fields.superviseLevel" />
      <TagChips label="resources.cases.fields.residentTags" />
    </Datagrid>
  );
};
