import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { LazyRateTrendChart } from '../charts';
import type { TrendWeek } from './api';
import { CaseCountLink } from './CaseCountLink';
import { casesPath, type CaseFilter } from './drill';
import { percent } from './format';

const RATES = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;

/** The three rates week by week over the period; a week (a point or its count) opens the cases received in it. */
export const TrendTab = ({ weeks, unitId }: { weeks: TrendWeek[]; unitId?: number }) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const filterOf = (w: TrendWeek): CaseFilter => ({ receivedAt_gte: w.from, receivedAt_lte: w.to, ...(unitId ? { unitId } : {}) });
  if (!weeks.some((w) => w.cases > 0)) return <Alert severity="info">{t('app.reports.empty')}</Alert>;
  return (
    <>
      <LazyRateTrendChart points={weeks.map((w) => ({ ...w, label: w.from.slice(5) }))} format={percent} onWeekClick={(i) => weeks[i] && navigate(casesPath(filterOf(weeks[i])))} />
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" data-testid="trend-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('app.reports.trend.week')}</TableCell>
              <TableCell align="right">{t('app.measures.cases.label')}</TableCell>
              {RATES.map((r) => (
                <TableCell key={r} align="right">
                  {t(`app.measures.${r}.label`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {weeks.map((w) => (
              <TableRow key={w.weekStart} data-testid="trend-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('app.reports.trend.range', { from: w.from.slice(5), to: w.to.slice(5) })}</TableCell>
                <TableCell align="right">
                  <CaseCountLink filter={filterOf(w)} count={w.cases} />
                </TableCell>
                {RATES.map((r) => (
                  <TableCell key={r} align="right">
                    {percent(w[r])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
};
