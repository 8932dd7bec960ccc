import { Grid, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { Navigate, useLocation } from 'react-router-dom';
import { CalendarWarning } from '../calendar-days/CalendarDayPages';
import { dateIn } from '../reports/period';
import { landingPath } from '../todo/buckets';
import { Figure, OPEN, OVERDUE } from './figures';
import { SupervisorDashboard } from './SupervisorDashboard';

/** The figures everyone watches: open, overdue, today's intake, key-population cases. */
const StaffDashboard = () => {
  const today = dateIn();
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Figure label="app.dashboard.open" filter={OPEN} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Figure label="app.dashboard.overdue" filter={OVERDUE} color="error.main" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Figure label="app.dashboard.today" filter={{ receivedAt_gte: today, receivedAt_lte: today }} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Figure label="app.dashboard.key_population" filter={{ ...OPEN, keyPopulation: true }} color="warning.main" />
      </Grid>
    </Grid>
  );
};

/** Supervisors and administrators get the supervisor's dashboard; the people who work cases keep their four figures. */
export const Dashboard = () => {
  const t = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions: role } = usePermissions<string>();
  // Entering the console by its address (`/`, or a bookmark of it) lands each role on its own page; the menu's
  // 工作台 still opens this page (react-router gives the first location of a visit the key "default").
  const { key } = useLocation();
  const home = landingPath(role);
  if (key === 'default' && role && home !== '/') return <Navigate to={home} replace />;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={t('app.title')} />
      <Typography variant="h5">{t('app.dashboard.welcome', { name: identity?.fullName ?? '' })}</Typography>
      <CalendarWarning />
      {role === 'admin' || role === 'supervisor' ? <SupervisorDashboard /> : role ? <StaffDashboard /> : null}
    </Stack>
  );
};
