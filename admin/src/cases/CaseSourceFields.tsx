import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { API_URL, httpClient } from '../dataProvider';
import { sourceWords, type CaseSource } from './caseSource';

/* Both are placed in a SimpleShowLayout with `label={false}`: each labels itself, and shows nothing when there is nothing. */

/** The resident's own answer to the follow-up (on the public page), set apart from staff's call: 居民自评. */
const ResidentRating = ({ rating }: { rating: NonNullable<CaseSource['residentRating']> }) => {
  const t = useTranslate();
  const line = (label: string, value: ReactNode) => (
    <Typography variant="body2" component="div">
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {t('app.timeline.label', { label: t(label) })}
      </Box>
      {value}
    </Typography>
  );
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, mt: 1 }} data-testid="resident-rating">
      <Chip size="small" color="info" label={t('app.source.rating')} sx={{ mb: 0.5 }} />
      {line('app.timeline.resolved', t(rating.resolved ? 'ra.boolean.true' : 'ra.boolean.false'))}
      {line('app.timeline.satisfaction', t(`enums.satisfaction.${rating.satisfaction}`))}
      {rating.comment && line('app.source.comment', <span style={{ overflowWrap: 'anywhere' }}>{rating.comment}</span>)}
      {line('app.source.rated_at', <LocalDateField record={{ id: 0, at: rating.at }} source="at" showTime />)}
    </Box>
  );
};

/** The case's source, asked once for both places that show it (the query is shared by its key). */
const useCaseSource = () => {
  const record = useRecordContext();
  return useQuery({
    queryKey: ['case-source', record?.id, record?.version],
    queryFn: async () => (await httpClient(`${API_URL}/cases/${record!.id}/source`)).json as CaseSource,
    enabled: !!record?.id,
  }).data;
};

/** 来源: a request from outside (the public page, an enterprise's form, an Open311 key); nothing for one staff logged. */
export const CaseSourceLine = (_props: { label?: false }) => {
  const t = useTranslate();
  const source = useCaseSource();
  const words = source && sourceWords(source);
  if (!words) return null;
  return (
    <Labeled label="app.source.title">
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="case-source">
        {t(words.key, words.params)}
      </Typography>
    </Labeled>
  );
};

/** The resident's own rating from the public page, when they gave one. */
export const ResidentRatingPanel = (_props: { label?: false }) => {
  const rating = useCaseSource()?.residentRating;
  return rating ? <ResidentRating rating={rating} /> : null;
};
