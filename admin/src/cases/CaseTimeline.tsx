import { Box, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { CaseEvent } from './eventDetails';
import { TimelineEntry } from './TimelineEntry';

/** The case's timeline, oldest first: who did what, when, from which status to which. */
export const CaseTimeline = () => {
  const record = useRecordContext();
  const t = useTranslate();
  const { data = [], isPending } = useGetList<CaseEvent & { id: number }>(
    'case-events',
    { filter: { caseId: record?.id }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: !!record?.id },
  );
  if (!record || isPending) return null;
  return (
    <Box data-testid="timeline">
      <Typography variant="h6" gutterBottom>
        {t('app.cases.timeline')}
      </Typography>
      {data.length === 0 && <Typography color="text.secondary">{t('app.cases.no_events')}</Typography>}
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, borderLeft: 2, borderColor: 'divider' }}>
        {data.map((e) => (
          <TimelineEntry key={e.id} event={e} />
        ))}
      </Box>
    </Box>
  );
};
