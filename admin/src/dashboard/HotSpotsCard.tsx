import { List, ListItemButton, ListItemText, Chip, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useReport, type HotSpot } from '../reports/api';
import { casesPath } from '../reports/drill';
import { shortTime as time } from '../reports/format';
import { addDays } from '../reports/period';
import { PanelCard } from './FigureCard';

const WINDOW_HOURS = 24;


/**
 * 集中反映 now: clusters of one category in one grid within 24 hours, among the cases of yesterday and today, kept
 * when their latest case is less than 24 hours old. Each opens its cases.
 */
export const HotSpotsCard = ({ today }: { today: string }) => {
  const t = useTranslate();
  const { data, error } = useReport<HotSpot[]>('hotspots', { from: addDays(today, -1), to: today, windowHours: WINDOW_HOURS }, { refetchInterval: 60_000 });
  const since = Date.now() - WINDOW_HOURS * 3_600_000;
  const spots = (data ?? []).filter((s) => new Date(s.lastAt).getTime() >= since).sort((a, b) => b.count - a.count);
  return (
    <PanelCard title={t('app.dashboard.hot_spots')} testId="hot-spots">
      {error && <Typography color="error">{t('app.reports.error', { message: (error as Error).message })}</Typography>}
      {data && !spots.length && <Typography color="text.secondary">{t('app.dashboard.no_hot_spots')}</Typography>}
      <List dense disablePadding>
        {spots.map((s) => (
          <ListItemButton key={`${s.unitId}-${s.categoryId}-${s.firstAt}`} component={Link} to={casesPath(s.filter)} data-testid="hot-spot">
            <ListItemText primary={`${s.unitName} · ${s.categoryName}`} secondary={`${time(s.firstAt)} – ${time(s.lastAt)}`} />
            <Chip size="small" color="error" label={t('app.dashboard.cases_count', { smart_count: s.count })} />
          </ListItemButton>
        ))}
      </List>
    </PanelCard>
  );
};
