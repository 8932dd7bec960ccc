import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CaseCountLink } from './CaseCountLink';
import { countFilter, RATE_PARTS, TALLY_FIELDS, type CaseFilter, type CountField, type RateField } from './drill';
import { isSmallSample, percent } from './format';

type Counts = Record<string, unknown> & { filter: CaseFilter };

/**
 * A rate as "87.5%" over "35/40": the percentage and the numerator open the cases counted, the denominator (the
 * sample size) the cases it was taken over. A rate over fewer than 10 cases is greyed, with a word of warning.
 */
export const RateCell = ({ row, rate, parts, testId }: { row: Counts; rate: RateField; parts?: readonly [CountField, CountField]; testId?: string }) => {
  const t = useTranslate();
  const [numField, denField] = parts ?? RATE_PARTS[rate];
  const value = row[rate] as number | null;
  const num = (row[numField] as number) ?? 0;
  const den = (row[denField] as number) ?? 0;
  const small = isSmallSample(den);
  const figure = (
    <Box component="span" sx={{ color: small ? 'text.secondary' : undefined }}>
      {value === null || value === undefined ? percent(null) : <CaseCountLink filter={countFilter(row.filter, numField)} count={num} testId={testId}>{percent(value)}</CaseCountLink>}
    </Box>
  );
  return (
    <Stack alignItems="flex-end" spacing={0} data-rate={rate} data-numerator={num} data-denominator={den}>
      {small && den > 0 ? <Tooltip title={t('app.reports.small_sample', { n: den })}>{figure}</Tooltip> : figure}
      <Tooltip title={TALLY_FIELDS.has(denField) ? t('app.reports.tally_note') : ''}>
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          <CaseCountLink filter={countFilter(row.filter, numField)} count={num} />/<CaseCountLink filter={countFilter(row.filter, denField)} count={den} />
        </Typography>
      </Tooltip>
    </Stack>
  );
};
