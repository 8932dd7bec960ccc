import { Card, CardActionArea, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Title, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { CalendarWarning } from '../calendar-days/CalendarDayPages';
import { OPEN_STATUSES } from '../common/choices';

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A count straight from Content-Range: one request for no rows. */
const Figure = ({ label, filter, color }: { label: string; filter: Record<string, unknown>; color?: string }) => {
  const t = useTranslate();
  const { total, isPending } = useGetList('cases', { filter, pagination: { page: 1, perPage: 1 }, sort: { field: 'receivedAt', order: 'DESC' } });
  const to = `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return (
    <Card>
      <CardActionArea component={Link} to={to}>
        <CardContent>
          <Typography color="text.secondary">{t(label)}</Typography>
          <Typography variant="h4" sx={{ color }} data-testid={`figure-${label}`}>
            {isPending ? '…' : total}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

export const Dashboard = () => {
  const t = useTranslate();
  const { identity } = useGetIdentity();
  const open = { status: [...OPEN_STATUSES] };
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={t('app.title')} />
      <Typography variant="h5">{t('app.dashboard.welcome', { name: identity?.fullName ?? '' })}</Typography>
      <CalendarWarning />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Figure label="app.dashboard.open" filter={open} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Figure label="app.dashboard.overdue" filter={{ ...open, overdue: true }} color="error.main" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Figure label="app.dashboard.today" filter={{ receivedAt_gte: todayIso() }} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Figure label="app.dashboard.key_population" filter={{ ...open, keyPopulation: true }} color="warning.main" />
        </Grid>
      </Grid>
    </Stack>
  );
};
