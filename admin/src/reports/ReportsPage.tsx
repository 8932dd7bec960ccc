import { Alert, Box, Card, CardContent, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useMemo } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useHotSpots, useReport, type ClosureReport, type RatesReport, type TrendWeek } from './api';
import { ClosureTab } from './ClosureTab';
import { reportQuery } from './drill';
import { ExportButtons } from './ExportButtons';
import { shortenNames } from './format';
import { reportFileName } from './fileName';
import { RatesTab } from './RatesTab';
import { HotSpotsTab } from './HotSpotsTab';
import { GroupByPicker, PeriodPicker, UnitPicker } from './ReportFilters';
import { TrendTab } from './TrendTab';
import { REPORT_TABS, useReportParams } from './useReportParams';

const PATHS = { closure: 'closure-times', rates: 'rates', hotspots: 'hotspots', trend: 'trend' } as const;
/** Hot spots and the trend are not grouped; the trend has no file. */
const GROUPED = new Set(['closure', 'rates']);

/**
 * 统计报表: closure times, the three rates, hot spots (集中反映) and the rates' weekly trend for a period and a scope
 * (the first two by a grouping), each figure a way into its cases.
 */
export const ReportsPage = () => {
  const t = useTranslate();
  const { period, unitId, groupBy, tab, update, userScopeId } = useReportParams();
  const grouped = GROUPED.has(tab);
  const params = { from: period.from, to: period.to, unitId, ...(grouped ? { groupBy } : {}) };
  const path = PATHS[tab];
  const closure = useReport<ClosureReport>(PATHS.closure, params, { enabled: tab === 'closure' });
  const rates = useReport<RatesReport>(PATHS.rates, params, { enabled: tab === 'rates' });
  const hotspots = useHotSpots(params, { enabled: tab === 'hotspots' });
  const trend = useReport<{ weeks: TrendWeek[] }>(PATHS.trend, params, { enabled: tab === 'trend' });
  const current = { closure, rates, hotspots, trend }[tab];
  const summary = tab === 'closure' ? closure.data : rates.data;
  const closureRows = useMemo(() => (closure.data ? shortenNames(closure.data.rows) : []), [closure.data]);
  const ratesReport = useMemo(() => rates.data && { ...rates.data, rows: shortenNames(rates.data.rows) }, [rates.data]);
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={t('app.reports.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
            <PeriodPicker value={period} onChange={(p) => update({ period: p })} />
            <UnitPicker value={unitId} fallbackId={userScopeId} onChange={(id) => update({ unitId: id })} />
            {grouped && <GroupByPicker value={groupBy} onChange={(g) => update({ groupBy: g })} />}
            <Box sx={{ flex: 1 }} />
            {tab !== 'trend' && <ExportButtons path={`reports/${path}`} query={reportQuery(params)} fileBase={reportFileName(path, [period.from, period.to, ...(grouped ? [groupBy] : [])])} />}
          </Stack>
        </CardContent>
      </Card>
      <Card>
        <Tabs value={tab} onChange={(_, v) => update({ tab: v })} variant="scrollable" allowScrollButtonsMobile sx={{ borderBottom: 1, borderColor: 'divider', px: 2 }}>
          {REPORT_TABS.map((k) => (
            <Tab key={k} value={k} label={t(`app.reports.tabs.${k}`)} data-testid={`report-tab-${k}`} />
          ))}
        </Tabs>
        {current.isFetching ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
        <CardContent data-testid={`report-${tab}`} data-loading={current.isFetching || undefined}>
          {current.error && <Alert severity="error">{t('app.reports.error', { message: (current.error as Error).message })}</Alert>}
          {grouped && summary && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('app.reports.summary', { from: summary.from, to: summary.to, group: t(`app.reports.groups.${summary.groupBy}`) })}
            </Typography>
          )}
          {tab === 'closure' && closure.data && <ClosureTab rows={closureRows} total={closure.data.total} hoursRelativeError={closure.data.hoursRelativeError} />}
          {tab === 'rates' && ratesReport && <RatesTab report={ratesReport} />}
          {tab === 'hotspots' && hotspots.data && <HotSpotsTab spots={hotspots.data.spots} total={hotspots.data.total} />}
          {tab === 'trend' && trend.data && <TrendTab weeks={trend.data.weeks} unitId={unitId} />}
        </CardContent>
      </Card>
    </Box>
  );
};

export default ReportsPage;
