import { Chip, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useReport, type Intake } from '../reports/api';
import { casesPath, narrow } from '../reports/drill';
import { PanelCard } from './FigureCard';

/** Today's intake by channel, busiest first; each channel opens today's cases from it. */
export const IntakeCard = ({ today }: { today: string }) => {
  const t = useTranslate();
  const { data, error } = useReport<Intake>('intake', { from: today, to: today }, { refetchInterval: 60_000 });
  const base = { receivedAt_gte: today, receivedAt_lte: today };
  const channels = [...(data?.byChannel ?? [])].filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  return (
    <PanelCard title={t('app.dashboard.intake_by_channel')} testId="intake-card">
      {error && <Typography color="error">{t('app.reports.error', { message: (error as Error).message })}</Typography>}
      {data && !channels.length && <Typography color="text.secondary">{t('app.dashboard.no_intake')}</Typography>}
      <Stack direction="row" flexWrap="wrap" useFlexGap spacing={1}>
        {channels.map((c) => (
          <Chip
            key={c.channelId}
            component={Link}
            to={casesPath(narrow(base, { channelId: c.channelId }))}
            clickable
            variant="outlined"
            label={`${c.name} ${c.count}`}
            data-testid="intake-channel"
          />
        ))}
      </Stack>
    </PanelCard>
  );
};
