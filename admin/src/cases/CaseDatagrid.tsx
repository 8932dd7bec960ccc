import { Datagrid, DateField, ReferenceField, TextField } from 'react-admin';
import { DueBadge, StatusChip, SuperviseChip, TagChips } from './CaseBits';

/** The case columns, one definition for the case list and the to-do list; a row opens the case page. */
export const CaseDatagrid = () => (
  <Datagrid rowClick="show" bulkActionButtons={false}>
    <TextField source="number" />
    <TextField source="title" />
    <StatusChip label="resources.cases.fields.status" />
    <ReferenceField source="categoryId" reference="categories" link={false}>
      <TextField source="name" />
    </ReferenceField>
    <ReferenceField source="channelId" reference="channels" link={false}>
      <TextField source="name" />
    </ReferenceField>
    <ReferenceField source="gridUnitId" reference="grid-units" link={false}>
      <TextField source="name" />
    </ReferenceField>
    <DateField source="receivedAt" showTime />
    <DueBadge label="resources.cases.fields.resolveDueAt" />
    <SuperviseChip label="resources.cases.fields.superviseLevel" />
    <TagChips label="resources.cases.fields.residentTags" />
  </Datagrid>
);
