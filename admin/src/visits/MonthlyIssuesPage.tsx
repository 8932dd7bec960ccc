import { Alert, Box, Card, CardContent, Chip, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { useReport } from '../reports/api';
import { CaseCountLink } from '../reports/CaseCountLink';
import { reportQuery } from '../reports/drill';
import { ExportButtons } from '../reports/ExportButtons';
import { reportFileName } from '../reports/fileName';
import { percent } from '../reports/format';
import { TIME_ZONE } from '../reports/period';
import { barHeights, recentMonths } from './watchFormat';

interface MonthlyIssue {
  communityId: number;
  communityName: string;
  categoryId: number;
  categoryName: string | null;
  count: number;
  total: number;
  share: number;
  trend: { month: string; count: number; total: number }[];
  monthsOnTop: number;
  filter: Record<string, unknown>;
}

const thisMonth = () => new Date().toLocaleDateString('sv-SE', { timeZone: TIME_ZONE }).slice(0, 7);

/** Six small bars, oldest month first, the month itself darker: a recurring issue reads as a row of bars. */
const TrendBars = ({ trend }: { trend: MonthlyIssue['trend'] }) => {
  const t = useTranslate();
  const heights = barHeights(trend.map((m) => m.count));
  return (
    <Stack direction="row" spacing={0.5} alignItems="flex-end" sx={{ height: 44 }} aria-label={t('app.monthly.trend')} data-testid="monthly-trend">
      {trend.map((m, i) => (
        <Tooltip key={m.month} title={t('app.monthly.bar', { month: m.month, count: m.count, total: m.total })}>
          <Stack alignItems="center" spacing={0.25} sx={{ width: 30 }}>
            <Box sx={{ width: 20, height: `${Math.max(2, heights[i] * 28)}px`, bgcolor: i === trend.length - 1 ? 'primary.main' : 'primary.light', borderRadius: 0.5 }} />
            <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1 }}>
              {t('app.monthly.month_short', { month: Number(m.month.slice(5)) })}
            </Typography>
          </Stack>
        </Tooltip>
      ))}
    </Stack>
  );
};

/** 每月一题 (未诉先办): each community's most frequent request category of the month, its share and trend. */
export const MonthlyIssuesPage = () => {
  const t = useTranslate();
  const [months] = useState(() => recentMonths(thisMonth(), 24));
  const [month, setMonth] = useState(months[0]);
  const { data, isPending, error } = useReport<{ month: string; months: string[]; rows: MonthlyIssue[] }>('monthly-issues', { month });
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, maxWidth: 1000 }}>
      <Title title={t('app.monthly.title')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} justifyContent="space-between" alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
        {/* A list of months, not the browser's month picker: that one names months in the browser's language. */}
        <TextField select size="small" label={t('app.monthly.month')} value={month} onChange={(e) => setMonth(e.target.value)} sx={{ minWidth: 160 }} data-testid="monthly-month">
          {months.map((m) => (
            <MenuItem key={m} value={m}>
              {t('app.monthly.month_label', { year: m.slice(0, 4), month: Number(m.slice(5)) })}
            </MenuItem>
          ))}
        </TextField>
        <ExportButtons path="reports/monthly-issues" query={reportQuery({ month })} fileBase={reportFileName('monthly-issues', [month])} />
      </Stack>
      <Typography variant="body2" sx={{ mb: 2 }}>{t('app.monthly.intro')}</Typography>
      {isPending && <Loading />}
      {error && <Alert severity="error">{String((error as Error).message)}</Alert>}
      {data && data.rows.length === 0 && <Alert severity="info">{t('app.monthly.empty', { month: data.month })}</Alert>}
      <Stack spacing={1}>
        {data?.rows.map((r) => (
          <Card key={r.communityId} variant="outlined" data-testid="monthly-issue">
            <CardContent sx={{ '&:last-child': { pb: 1.5 } }}>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} justifyContent="space-between">
                <Box sx={{ minWidth: 0 }}>
                  <Typography variant="subtitle2" color="text.secondary">{r.communityName}</Typography>
                  <Typography variant="h6" sx={{ overflowWrap: 'anywhere' }}>{r.categoryName}</Typography>
                  <Typography variant="body2">
                    <CaseCountLink filter={r.filter} count={r.count} testId="monthly-cases">
                      {t('app.watch.count', { smart_count: r.count })}
                    </CaseCountLink>{' '}
                    · {t('app.monthly.share', { share: percent(r.share), total: r.total })}
                  </Typography>
                  <Chip size="small" sx={{ mt: 0.5 }} color={r.monthsOnTop >= 3 ? 'error' : r.monthsOnTop === 2 ? 'warning' : 'default'} label={r.monthsOnTop > 1 ? t('app.monthly.on_top', { smart_count: r.monthsOnTop }) : t('app.monthly.first_time')} data-testid="monthly-on-top" />
                </Box>
                <TrendBars trend={r.trend} />
              </Stack>
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Box>
  );
};

export default MonthlyIssuesPage;
