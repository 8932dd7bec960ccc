import { Grid, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  BooleanField,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { AttachmentsPanel } from '../attachments';
import { choices, PRIORITIES, SATISFACTIONS, TYPES } from '../common/choices';
import { CaseActions } from './CaseActions';
import { CaseSourceLine, ResidentRatingPanel } from './CaseSourceFields';
import { BouncedChip, DueBadge, StatusChip, SuperviseChip, TagChips } from './CaseBits';
import { ClockLedgerPanel } from './ClockLedgerPanel';
import { CaseTimeline } from './CaseTimeline';
import { MergedCases } from './MergedCases';

const Section = ({ title }: { title: string }) => {
  const t = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mt: 2, fontWeight: 600 }}>
      {t(`app.cases.sections.${title}`)}
    </Typography>
  );
};

/** The app bar's title: the case number always whole; the title after it only where there is room (not on a phone). */
const CaseTitle = () => {
  const record = useRecordContext();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return record ? (
    <span>
      <span data-testid="case-number" style={{ whiteSpace: 'nowrap' }}>
        {record.number}
      </span>
      {!narrow && ` ${record.title}`}
    </span>
  ) : null;
};

/** Details beside the timeline on a desktop (>= 1200 px, MUI's lg), stacked on a phone or a narrow window. */
export const CaseShow = () => {
  const { canAccess: canReadResidents } = useCanAccess({ resource: 'residents', action: 'show' });
  return (
    <Show title={<CaseTitle />}>
      <Grid container spacing={2} sx={{ p: 2 }}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <CaseActions />
          <SimpleShowLayout sx={{ p: 0 }}>
            <Labeled label="resources.cases.fields.number">
              <TextField source="number" variant="h6" />
            </Labeled>
            <StatusChip label="resources.cases.fields.status" />
            <SuperviseChip label="resources.cases.fields.superviseLevel" />
            <BouncedChip label={false} />
            <Section title="request" />
            <TextField source="title" />
            <TextField source="description" component="pre" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }} />
            <SelectField source="type" choices={choices('type', TYPES)} />
            <SelectField source="priority" choices={choices('priority', PRIORITIES)} />
            <ReferenceField source="channelId" reference="channels" link={false}>
              <TextField source="name" />
            </ReferenceField>
            <CaseSourceLine label={false} />
            <ReferenceField source="categoryId" reference="categories" link={false}>
              <TextField source="fullName" />
            </ReferenceField>
            <LocalDateField source="receivedAt" showTime />
            <Section title="location" />
            <ReferenceField source="gridUnitId" reference="grid-units" link="show">
              <TextField source="fullName" />
            </ReferenceField>
            <TextField source="address" emptyText="—" />
            <Section title="reporter" />
            <TextField source="reporterName" emptyText="—" />
            <TextField source="reporterPhone" emptyText="—" />
            {/* A unit's handler may not read residents (the reporter's name and phone are on the case): nothing is asked for them. */}
            {canReadResidents && (
              <ReferenceField source="residentId" reference="residents" emptyText="—">
                <TextField source="name" />
              </ReferenceField>
            )}
            <TagChips label="resources.cases.fields.residentTags" />
            <Section title="clocks" />
            <DueBadge label="resources.cases.fields.dueState" />
            <LocalDateField source="signDueAt" showTime emptyText="—" />
            <LocalDateField source="responseDueAt" showTime />
            <LocalDateField source="resolveDueAt" showTime />
            <ClockLedgerPanel label={false} />
            <Section title="handling" />
            <ReferenceField source="departmentId" reference="departments" emptyText="—">
              <TextField source="name" />
            </ReferenceField>
            <BooleanField source="handledDirectly" />
            <LocalDateField source="dispatchedAt" showTime emptyText="—" />
            <LocalDateField source="acceptedAt" showTime emptyText="—" />
            <LocalDateField source="respondedAt" showTime emptyText="—" />
            <LocalDateField source="repliedAt" showTime emptyText="—" />
            <LocalDateField source="closedAt" showTime emptyText="—" />
            <TextField source="result" emptyText="—" />
            <NumberField source="returnCount" />
            <NumberField source="reopenCount" />
            <Section title="follow_up" />
            <BooleanField source="resolved" emptyText="—" />
            <SelectField source="satisfaction" choices={choices('satisfaction', SATISFACTIONS)} emptyText="—" />
            <ResidentRatingPanel label={false} />
          </SimpleShowLayout>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <MergedCases />
          <AttachmentsPanel />
          <CaseTimeline />
        </Grid>
      </Grid>
    </Show>
  );
};
