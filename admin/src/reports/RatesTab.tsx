import { Alert, Box, Stack, Tooltip, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { LazyGroupBarChart } from '../charts';
import type { RatesReport } from './api';
import { CaseCountLink } from './CaseCountLink';
import { rowName } from './ClosureTab';
import { casesPath, RATE_PARTS, type RateField } from './drill';
import { count, isSmallSample, NONE, oneDecimal, percent, score as formatScore, SMALL_SAMPLE } from './format';
import { rankRows, scoreAxisMin, type Ranked } from './ranking';
import { MeasureLabel } from './MeasureLabel';
import { MAX_BARS } from './SortableTable';
import { RateCell } from './RateCell';
import { SortableTable, type Column } from './SortableTable';

const RATES = Object.keys(RATE_PARTS) as RateField[];

/** The figure without the ratings upheld appeals excused (核减后), under the raw one, only where it differs. */
const Adjusted = ({ raw, adjusted, format = percent }: { raw: number | null | undefined; adjusted: number | null | undefined; format?: (v: number | null | undefined) => string }) => {
  const t = useTranslate();
  if (adjusted === undefined || adjusted === raw) return null;
  return (
    <Typography component="div" variant="caption" color="text.secondary" data-testid="adjusted">
      {t('app.fair.rates.adjusted', { value: format(adjusted) })}
    </Typography>
  );
};

/** 三率 and the composite score per group, each rate over its own sample, each count a way into its cases. */
export const RatesTab = ({ report }: { report: RatesReport }) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const rows = useMemo(() => rankRows(report.rows), [report.rows]);
  const total = useMemo(() => ({ ...report.total, rank: null }), [report.total]);
  const columns = useMemo<Column<Ranked>[]>(
    () => [
      { key: 'rank', header: t('app.reports.rank'), align: 'center', value: (r) => r.rank, render: (r) => (r === total ? '' : (r.rank ?? <Tooltip title={t('app.reports.no_rank', { min: SMALL_SAMPLE })}><span>{NONE}</span></Tooltip>)) },
      { key: 'name', header: t('app.reports.groups_label'), value: (r) => rowName(r, t), render: (r) => (r === total ? t('app.reports.total') : <span title={r.fullName ?? undefined}>{rowName(r, t)}</span>) },
      { key: 'cases', header: <MeasureLabel measure="cases" />, align: 'right', value: (r) => r.cases, render: (r) => <CaseCountLink filter={r.filter} count={r.cases} testId="cases" /> },
      {
        key: 'score',
        header: <MeasureLabel measure="score" />,
        align: 'right',
        value: (r) => r.score,
        render: (r) => (
          <>
            <Box component="span" sx={{ fontWeight: 600, color: isSmallSample(r.valid) ? 'text.secondary' : undefined }} data-testid="score">
              {formatScore(r.score)}
            </Box>
            <Adjusted raw={r.score} adjusted={r.scoreAdjusted} format={formatScore} />
          </>
        ),
      },
      ...RATES.map<Column<Ranked>>((rate) => ({
        key: rate,
        header: <MeasureLabel measure={rate} />,
        align: 'right',
        value: (r) => r[rate],
        render: (r) => (
          <>
            <RateCell row={r as never} rate={rate} testId={rate} />
            <Adjusted raw={r[rate]} adjusted={(r as unknown as Record<string, unknown>)[`${rate}Adjusted`] as number | null | undefined} />
          </>
        ),
      })),
      // Secondary figures, one column (a table of eleven fits 1400 px): returns, then hours in flight and paused.
      {
        key: 'bounces',
        header: t('app.fair.rates.flow'),
        align: 'right',
        value: (r) => r.bounces ?? 0,
        render: (r) => (
          <Typography component="div" variant="caption" sx={{ whiteSpace: 'nowrap', lineHeight: 1.5 }} data-testid="flow">
            <div>{t('app.fair.rates.bounces_n', { n: count(r.bounces) })}</div>
            <div>{t('app.fair.rates.flight_h', { h: oneDecimal(r.flightHours) })}</div>
            <div>{t('app.fair.rates.paused_h', { h: oneDecimal(r.pausedHours) })}</div>
          </Typography>
        ),
      },
    ],
    [t, total],
  );
  const bars = useMemo(
    // The ranking's chart: units only, the unassigned cases ("(未指定)") are no unit.
    () => rows.filter((r) => r.score !== null && r.key !== null).sort((a, b) => (b.score as number) - (a.score as number)).slice(0, MAX_BARS)
      .map((r) => ({ key: String(r.key), name: rowName(r, t), value: r.score as number, filter: r.filter })),
    [rows, t],
  );
  if (!rows.length) return <Alert severity="info">{t('app.reports.empty')}</Alert>;
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('app.reports.weights', report.weights)}
      </Typography>
      {bars.length > 0 && (
        <div>
          <Typography variant="subtitle2" color="text.secondary">
            <MeasureLabel measure="score" label={t('app.reports.chart_score')} />
            {rows.length > MAX_BARS && ` ${t('app.reports.chart_top', { n: MAX_BARS })}`}
          </Typography>
          <LazyGroupBarChart items={bars} label={t('app.measures.score.label')} format={formatScore} min={scoreAxisMin(bars.map((b) => b.value))} max={100} barLabel onClick={(i) => navigate(casesPath(bars[i].filter))} />
        </div>
      )}
      <SortableTable rows={rows} total={total} columns={columns} initialSort={{ key: 'rank', order: 'asc' }} rowKey={(r) => String(r.key)} testId="rates-table" />
    </Stack>
  );
};
