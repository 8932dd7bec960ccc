import { Box, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { Link, TextInput, useTranslate } from 'react-admin';
import { getUser } from '../../authProvider';
import { callersByPhone, type Caller } from './deskApi';
import { useDebounced } from './useDebounced';

/** Roles that may search residents by phone (the API refuses the others: a masked number is no oracle). */
const LOOKS_UP = ['admin', 'dispatcher', 'grid_worker'];
const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * 来电号码 first: as the number is typed (3 digits or more), the residents and past cases with it show;
 * picking a resident hands them to the form.
 */
export const CallerLookup = ({ picked, onPick }: { picked: Caller | null; onPick: (c: Caller) => void }) => {
  const t = useTranslate();
  const typed: string = useWatch({ name: 'reporterPhone' }) ?? '';
  const phone = useDebounced(typed.trim());
  const allowed = LOOKS_UP.includes(getUser()?.role ?? '');
  const enabled = allowed && digitsOf(phone).length >= 3 && /^[\d-]+$/.test(phone);
  const { data } = useQuery({ queryKey: ['callers', phone], queryFn: () => callersByPhone(phone), enabled, staleTime: 30_000 });
  const found = enabled ? data : undefined;
  return (
    <Box data-testid="caller-lookup">
      <TextInput source="reporterPhone" label="app.intake.phone" helperText={allowed ? 'app.intake.phone_hint' : false} fullWidth autoFocus slotProps={{ htmlInput: { inputMode: 'tel' } }} />
      {found && (found.residents.length > 0 || found.cases.length > 0) && (
        <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, mb: 2 }}>
          {found.residents.length > 0 && <Typography variant="subtitle2">{t('app.intake.residents_found')}</Typography>}
          <List dense disablePadding>
            {found.residents.map((r) => (
              <ListItem key={r.id} disableGutters secondaryAction={<Button size="small" variant={picked?.id === r.id ? 'contained' : 'outlined'} onClick={() => onPick(r)}>{t('app.intake.pick')}</Button>}>
                <ListItemText primary={`${r.name} · ${r.phone ?? ''}`} secondary={r.address} sx={{ pr: 8 }} />
              </ListItem>
            ))}
          </List>
          {found.cases.length > 0 && <Typography variant="subtitle2">{t('app.intake.past_cases')}</Typography>}
          <Stack spacing={0.5}>
            {found.cases.map((c) => (
              <Typography key={c.id} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                <Link to={`/cases/${c.id}/show`}>{c.number}</Link> {c.title} · {t(`enums.status.${c.status}`)} · {c.reporterName ?? ''} {c.reporterPhone ?? ''}
              </Typography>
            ))}
          </Stack>
        </Box>
      )}
      {found && found.residents.length === 0 && found.cases.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('app.intake.nobody_found')}
        </Typography>
      )}
    </Box>
  );
};
