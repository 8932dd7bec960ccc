import { Alert, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { LazyGroupBarChart } from '../charts';
import type { ClosureRow } from './api';
import { CaseCountLink } from './CaseCountLink';
import { casesPath, countFilter } from './drill';
import { oneDecimal } from './format';
import { MeasureLabel } from './MeasureLabel';
import { MAX_BARS } from './SortableTable';
import { RateCell } from './RateCell';
import { SortableTable, type Column } from './SortableTable';

const HOURS = ['meanHours', 'medianHours', 'p90Hours', 'maxHours', 'meanWorkdays', 'medianWorkdays', 'p90Workdays', 'maxWorkdays'] as const;

export const rowName = (r: { name: string | null }, t: (k: string) => string) => (r.name?.trim() ? r.name : t('app.reports.unnamed'));

/** 办结用时: closed cases per group, on-time rate, and the closure time in hours and working days. */
export const ClosureTab = ({ rows, total, hoursRelativeError }: { rows: ClosureRow[]; total: ClosureRow; hoursRelativeError?: number | null }) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const columns = useMemo<Column<ClosureRow>[]>(
    () => [
      { key: 'name', header: t('app.reports.groups_label'), value: (r) => rowName(r, t), render: (r) => (r === total ? t('app.reports.total') : <span title={r.fullName ?? undefined}>{rowName(r, t)}</span>) },
      { key: 'closed', header: <MeasureLabel measure="closed" />, align: 'right', value: (r) => r.closed, render: (r) => <CaseCountLink filter={countFilter(r.filter, 'closed')} count={r.closed} testId="closed" /> },
      { key: 'onTime', header: <MeasureLabel measure="closedOnTime" />, align: 'right', value: (r) => r.onTime, render: (r) => <CaseCountLink filter={countFilter(r.filter, 'onTime')} count={r.onTime} /> },
      { key: 'onTimeRate', header: <MeasureLabel measure="onTimeRate" />, align: 'right', value: (r) => r.onTimeRate, render: (r) => <RateCell row={r as never} rate="onTimeRate" parts={['onTime', 'closed']} /> },
      ...HOURS.map<Column<ClosureRow>>((h) => ({ key: h, header: <MeasureLabel measure={h} />, align: 'right', value: (r) => r[h], render: (r) => oneDecimal(r[h]) })),
      // The hours above are ledger time, less what was paused: the time paused is shown beside them.
      { key: 'pausedHours', header: t('app.fair.closure_paused'), align: 'right', value: (r) => r.pausedHours ?? 0, render: (r) => oneDecimal(r.pausedHours ?? 0) },
    ],
    [t, total],
  );
  const bars = useMemo(
    () => rows.filter((r) => r.medianHours !== null).sort((a, b) => (b.medianHours ?? 0) - (a.medianHours ?? 0)).slice(0, MAX_BARS)
      .map((r) => ({ key: String(r.key), name: rowName(r, t), value: r.medianHours as number, filter: r.filter })),
    [rows, t],
  );
  if (!rows.length) return <Alert severity="info">{t('app.reports.empty')}</Alert>;
  return (
    <Stack spacing={2}>
      {bars.length > 0 && (
        <div>
          <Typography variant="subtitle2" color="text.secondary">
            <MeasureLabel measure="medianHours" label={t('app.reports.chart_median')} />
            {rows.length > MAX_BARS && ` ${t('app.reports.chart_top', { n: MAX_BARS })}`}
          </Typography>
          <LazyGroupBarChart items={bars} label={t('app.measures.medianHours.label')} format={oneDecimal} onClick={(i) => navigate(casesPath(countFilter(bars[i].filter, 'closed')))} />
        </div>
      )}
      <SortableTable rows={rows} total={total} columns={columns} initialSort={{ key: 'closed', order: 'desc' }} rowKey={(r) => String(r.key)} testId="closure-table" />
      {hoursRelativeError ? (
        <Typography variant="caption" color="text.secondary" data-testid="closure-approximate">
          {t('app.reports.approximate_hours', { pct: Math.ceil(hoursRelativeError * 1000) / 10 })}
        </Typography>
      ) : null}
    </Stack>
  );
};
