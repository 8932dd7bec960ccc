import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, Card, CardContent, Grid, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, usePermissions, useTranslate } from 'react-admin';
import { API_URL, authHeaders, httpClient } from '../dataProvider';
import { monthWeeks, toggleOf, type YearDay } from './yearGrid';

/** Who may correct the calendar (the API enforces the same). */
const EDITORS = ['admin', 'supervisor'];

/** Colours of a day: worked, off, an official holiday, a make-up working day; a local correction is outlined. */
const tone = (d: YearDay) => (d.official.kind === 'holiday' && !d.correction ? 'error.light' : d.workday ? (d.official.kind === 'makeup' && !d.correction ? 'warning.light' : 'background.paper') : 'grey.300');

async function toggle(day: YearDay) {
  const action = toggleOf(day);
  if ('remove' in action) {
    // No body, so no Content-Type: the API answers a JSON type with an empty body 400 and text/plain 415.
    const res = await fetch(`${API_URL}/calendar-days/${action.remove}`, { method: 'DELETE', headers: authHeaders() });
    if (!res.ok) throw new Error((await res.json().catch(() => null))?.message ?? res.statusText);
  } else {
    await httpClient(`${API_URL}/calendar-days`, { method: 'POST', body: JSON.stringify(action.create) });
  }
}

const DayCell = ({ day, canEdit, onToggle }: { day: YearDay; canEdit: boolean; onToggle: (d: YearDay) => void }) => {
  const t = useTranslate();
  const state = t(day.workday ? 'app.calendar.workday' : 'app.calendar.day_off');
  const official = day.official.name ? `${day.official.name} · ${t(day.official.workday ? 'app.calendar.makeup' : 'app.calendar.holiday')}` : '';
  const correction = day.correction ? t('app.calendar.corrected', { state }) : '';
  const hint = canEdit ? t(day.correction ? 'app.calendar.click_remove' : 'app.calendar.click_correct') : '';
  const mark = day.correction ? (day.workday ? t('app.calendar.mark_work') : t('app.calendar.mark_off')) : day.official.kind === 'holiday' ? t('app.calendar.mark_off') : day.official.kind === 'makeup' ? t('app.calendar.mark_work') : '';
  return (
    <Tooltip title={[day.date, official, correction || state, hint].filter(Boolean).join(' · ')} disableInteractive>
      <Box
        component={canEdit ? 'button' : 'div'}
        onClick={canEdit ? () => onToggle(day) : undefined}
        data-testid={`day-${day.date}`}
        data-workday={day.workday}
        data-corrected={!!day.correction}
        aria-label={`${day.date} ${state}`}
        sx={{
          width: '100%',
          aspectRatio: '1',
          p: 0,
          font: 'inherit',
          fontSize: 13,
          lineHeight: 1.1,
          bgcolor: tone(day),
          border: day.correction ? '2px solid' : '1px solid',
          borderColor: day.correction ? 'primary.main' : 'divider',
          borderRadius: 1,
          cursor: canEdit ? 'pointer' : 'default',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          color: 'text.primary',
        }}
      >
        {Number(day.date.slice(8))}
        {mark && (
          <Box component="span" sx={{ fontSize: 10, color: day.correction ? 'primary.main' : 'text.secondary' }}>
            {mark}
          </Box>
        )}
      </Box>
    </Tooltip>
  );
};

/**
 * 工作日调整 as a year on the wall: each day as the official calendar has it (holidays, make-up working days) with
 * the local corrections outlined. A supervisor or an administrator corrects a day with a click, and a click on a
 * corrected day removes the correction.
 */
export const CalendarYear = () => {
  const t = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions: role } = usePermissions<string>();
  const canEdit = !!role && EDITORS.includes(role);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, error, isFetching } = useQuery({
    queryKey: ['calendar-year', year],
    queryFn: async () => (await httpClient(`${API_URL}/calendar/years/${year}`)).json as { year: number; official: boolean; days: YearDay[] },
  });
  const mutation = useMutation({
    mutationFn: toggle,
    onSuccess: (_, day) => {
      notify(day.correction ? 'app.calendar.removed' : 'app.calendar.added', { messageArgs: { date: day.date } });
      queryClient.invalidateQueries({ queryKey: ['calendar-year', year] });
      queryClient.invalidateQueries({ queryKey: ['calendar-days'] });
    },
    onError: (e) => notify('app.calendar.failed', { type: 'error', messageArgs: { message: (e as Error).message } }),
  });
  const months = Array.from({ length: 12 }, (_, m) => (data?.days ?? []).filter((d) => Number(d.date.slice(5, 7)) === m + 1));
  const weekdays = t('app.calendar.weekdays').split(',');
  return (
    <Card variant="outlined" sx={{ m: 1 }} data-testid="calendar-year">
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={1} flexWrap="wrap" useFlexGap sx={{ mb: 1 }}>
          <IconButton onClick={() => setYear(year - 1)} aria-label={t('app.calendar.previous_year')} data-testid="year-previous">
            <ChevronLeftIcon />
          </IconButton>
          <Typography variant="h6" data-testid="calendar-year-title">
            {t('app.calendar.year', { year })}
          </Typography>
          <IconButton onClick={() => setYear(year + 1)} aria-label={t('app.calendar.next_year')} data-testid="year-next">
            <ChevronRightIcon />
          </IconButton>
          <Typography variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            {t(canEdit ? 'app.calendar.legend_edit' : 'app.calendar.legend')}
          </Typography>
        </Stack>
        {isFetching || mutation.isPending ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        {data && !data.official && <Alert severity="warning" sx={{ mb: 1 }}>{t('app.calendar.no_official', { year })}</Alert>}
        <Grid container spacing={2}>
          {months.map((days, m) => (
            <Grid key={m} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
              <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                {t('app.calendar.month', { month: m + 1 })}
              </Typography>
              <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 0.5, maxWidth: 320 }}>
                {weekdays.map((w) => (
                  <Typography key={w} variant="caption" color="text.secondary" align="center">
                    {w}
                  </Typography>
                ))}
                {monthWeeks(days).flat().map((d, i) => (d ? <DayCell key={d.date} day={d} canEdit={canEdit && !mutation.isPending} onToggle={(x) => mutation.mutate(x)} /> : <span key={`blank-${i}`} />))}
              </Box>
            </Grid>
          ))}
        </Grid>
      </CardContent>
    </Card>
  );
};
