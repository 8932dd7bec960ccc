import { Alert, Box, Button, Card, CardActions, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';

interface DueHousehold {
  residentId: number;
  name: string;
  phone: string | null;
  address: string | null;
  tags: string[];
  every: number;
  lastContactAt: string | null;
  overdueDays: number | null;
}

const dueHouseholds = async () => (await httpClient(`${API_URL}/visits/due`)).json as { total: number; rows: DueHousehold[] };

/** 记录走访: what was found; the visit is kept as recorded. */
const VisitDialog = ({ household, onClose }: { household: DueHousehold; onClose: (saved: boolean) => void }) => {
  const t = useTranslate();
  const notify = useNotify();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await httpClient(`${API_URL}/visits`, { method: 'POST', body: JSON.stringify({ residentId: household.residentId, note }) });
      notify('app.visits.saved', { type: 'success', messageArgs: { name: household.name } });
      onClose(true);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm">
      <DialogTitle>{t('app.visits.record_for', { name: household.name })}</DialogTitle>
      <DialogContent>
        <TextField label={t('app.visits.note')} multiline minRows={3} value={note} onChange={(e) => setNote(e.target.value)} fullWidth required sx={{ mt: 1 }} inputProps={{ maxLength: 1000 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !note.trim()} onClick={save}>
          {t('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** 待走访 (未诉先办): key-population households not visited nor heard from for longer than their tags ask. */
export const VisitsDuePage = () => {
  const t = useTranslate();
  const client = useQueryClient();
  const [visiting, setVisiting] = useState<DueHousehold | null>(null);
  const { data, isPending, error } = useQuery({ queryKey: ['visits-due'], queryFn: dueHouseholds });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{String((error as Error).message)}</Alert>;
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, maxWidth: 900 }}>
      <Title title={t('app.visits.title')} />
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('app.visits.intro', { smart_count: data.total })}
      </Typography>
      <Stack spacing={1}>
        {data.rows.map((h) => (
          <Card key={h.residentId} variant="outlined" data-testid="due-household">
            <CardContent sx={{ pb: 0 }}>
              <Typography variant="subtitle1">
                {h.name} <Typography component="span" variant="body2" color="text.secondary">{h.phone}</Typography>
              </Typography>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{h.address}</Typography>
              <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap sx={{ mt: 0.5 }}>
                {h.tags.map((tag) => (
                  <Chip key={tag} size="small" label={t(`enums.tag.${tag}`)} />
                ))}
                <Chip size="small" color={h.overdueDays === null ? 'error' : 'warning'} variant="outlined" label={h.overdueDays === null ? t('app.visits.never') : t('app.visits.overdue', { smart_count: h.overdueDays, every: h.every })} />
              </Stack>
            </CardContent>
            <CardActions>
              <Button size="small" variant="contained" onClick={() => setVisiting(h)}>
                {t('app.visits.record')}
              </Button>
            </CardActions>
          </Card>
        ))}
      </Stack>
      {visiting && (
        <VisitDialog
          household={visiting}
          onClose={(saved) => {
            setVisiting(null);
            if (saved) void client.invalidateQueries({ queryKey: ['visits-due'] });
          }}
        />
      )}
    </Box>
  );
};

export default VisitsDuePage;
