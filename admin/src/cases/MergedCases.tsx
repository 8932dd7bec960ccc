import { Card, CardContent, Typography } from '@mui/material';
import { Link, RecordContextProvider, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';

/** 已并入本件: the cases merged into this one and who reported each (phones masked, as lists show them). */
export const MergedCases = () => {
  const record = useRecordContext();
  const t = useTranslate();
  const { data = [] } = useGetList('cases', { filter: { parentCaseId: record?.id }, sort: { field: 'receivedAt', order: 'ASC' }, pagination: { page: 1, perPage: 100 } }, { enabled: record?.id != null });
  if (!record || data.length === 0) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="merged-cases">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('app.intake.merged_cases', { smart_count: data.length })}
        </Typography>
        {data.map((c) => (
          <Typography key={c.id} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            <Link to={`/cases/${c.id}/show`}>{c.number}</Link> · {c.reporterName ?? t('app.intake.anonymous')} {c.reporterPhone ?? ''} ·{' '}
            <RecordContextProvider value={c}>
              <LocalDateField source="receivedAt" showTime />
            </RecordContextProvider>
          </Typography>
        ))}
      </CardContent>
    </Card>
  );
};
