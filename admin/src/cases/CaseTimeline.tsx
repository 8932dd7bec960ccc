import { Box, Typography } from '@mui/material';
import { DateField, ReferenceField, TextField, useGetList, useRecordContext, useTranslate } from 'react-admin';

/** The case's timeline, oldest first: who did what, when, from which status to which. */
export const CaseTimeline = () => {
  const record = useRecordContext();
  const t = useTranslate();
  const { data = [], isPending } = useGetList(
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
          <Box component="li" key={e.id} sx={{ pl: 2, pb: 1.5, position: 'relative' }}>
            <Typography variant="subtitle2">
              {t(`enums.action.${e.action}`, { _: e.action })}
              {e.fromStatus && e.fromStatus !== e.toStatus ? ` · ${t(`enums.status.${e.fromStatus}`)} → ${t(`enums.status.${e.toStatus}`)}` : ''}
            </Typography>
            <Typography variant="body2" color="text.secondary" component="div">
              <DateField record={e} source="createdAt" showTime />{' '}
              {e.actorId && (
                <ReferenceField record={e} source="actorId" reference="users" link={false}>
                  <TextField source="name" />
                </ReferenceField>
              )}
            </Typography>
            {e.note && <Typography variant="body2">{e.note}</Typography>}
          </Box>
        ))}
      </Box>
    </Box>
  );
};
