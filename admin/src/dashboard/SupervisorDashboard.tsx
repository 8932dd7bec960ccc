import { Grid } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useReport, type ClosureReport, type Intake } from '../reports/api';
import { casesPath, countFilter } from '../reports/drill';
import { percent } from '../reports/format';
import { dateIn, last30Days } from '../reports/period';
import { FigureCard } from './FigureCard';
import { Figure, OPEN, OVERDUE } from './figures';
import { HotSpotsCard } from './HotSpotsCard';
import { IntakeCard } from './IntakeCard';
import { MostOverdueCard } from './MostOverdueCard';
import { TrendCard } from './TrendCard';

/** 按时办结率 over the last 30 days, with its sample; it opens the cases closed on time. */
const OnTimeFigure = () => {
  const t = useTranslate();
  const { data } = useReport<ClosureReport>('closure-times', { ...last30Days() });
  const total = data?.total;
  const to = total ? casesPath(countFilter(total.filter, 'onTime')) : '/cases';
  return (
    <FigureCard
      label={t('app.dashboard.on_time_30')}
      value={total ? percent(total.onTimeRate) : '…'}
      caption={total ? t('app.dashboard.on_time_sample', { onTime: total.onTime, closed: total.closed }) : undefined}
      to={to}
      color="success.main"
      testId="figure-on-time"
    />
  );
};

const TodayFigure = ({ today }: { today: string }) => {
  const t = useTranslate();
  const { data } = useReport<Intake>('intake', { from: today, to: today }, { refetchInterval: 60_000 });
  return <FigureCard label={t('app.dashboard.today')} value={data ? data.total : '…'} to={casesPath({ receivedAt_gte: today, receivedAt_lte: today })} testId="figure-today" />;
};

/** What a supervisor looks at first: today's intake, what is open and late, the rates and where things cluster. */
export const SupervisorDashboard = () => {
  const today = dateIn();
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <TodayFigure today={today} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Figure label="app.dashboard.open" filter={OPEN} testId="figure-open" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Figure label="app.dashboard.overdue" filter={OVERDUE} color="error.main" testId="figure-overdue" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <OnTimeFigure />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <IntakeCard today={today} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <HotSpotsCard today={today} />
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }}>
        <TrendCard />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <MostOverdueCard />
      </Grid>
    </Grid>
  );
};
