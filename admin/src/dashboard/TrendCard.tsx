import { Typography } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { LazyRateTrendChart } from '../charts';
import { useReport, type TrendWeek } from '../reports/api';
import { casesPath } from '../reports/drill';
import { percent } from '../reports/format';
import { addDays } from '../reports/period';
import { PanelCard } from './FigureCard';

/** 响应率, 解决率, 满意率 over the last 12 weeks (Monday to Sunday); clicking a week opens the cases received in it. */
export const TrendCard = () => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { data, error } = useReport<{ weeks: TrendWeek[] }>('trend', { weeks: 12 });
  const weeks = data?.weeks ?? [];
  const points = weeks.map((w) => ({ ...w, label: w.weekStart.slice(5) }));
  return (
    <PanelCard title={t('app.dashboard.trend')} testId="trend">
      {error && <Typography color="error">{t('app.reports.error', { message: (error as Error).message })}</Typography>}
      {data && (
        <LazyRateTrendChart
          points={points}
          format={percent}
          onWeekClick={(i) => weeks[i] && navigate(casesPath({ receivedAt_gte: weeks[i].weekStart, receivedAt_lte: addDays(weeks[i].weekStart, 6) }))}
        />
      )}
      <Typography variant="caption" color="text.secondary">
        {t('app.dashboard.trend_hint')}
      </Typography>
    </PanelCard>
  );
};
