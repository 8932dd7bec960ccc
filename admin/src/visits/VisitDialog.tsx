import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';

/** What recording a visit needs of the household. */
export interface Household {
  residentId: number;
  name: string;
  gridUnitId: number;
}

const ONE = { page: 1, perPage: 1 };

/** The channel a visit's case comes in by: 网格巡查 (code `patrol`), found by code or else by name; none hides the choice. */
const usePatrolChannel = () => {
  const byCode = useGetList('channels', { filter: { code: 'patrol' }, pagination: ONE }, { staleTime: 600_000 });
  const byName = useGetList('channels', { filter: { q: '网格巡查' }, pagination: ONE }, { enabled: byCode.isSuccess && !byCode.data.length, staleTime: 600_000 });
  return byCode.data?.[0] ?? byName.data?.[0] ?? null;
};

/**
 * 记录走访: what was found; the visit is kept as recorded. A problem found on the visit can be logged at once as a
 * case (channel 网格巡查, the household as the reporter, the visit linked to it).
 */
export const VisitDialog = ({ household, onClose }: { household: Household; onClose: (saved: boolean) => void }) => {
  const t = useTranslate();
  const notify = useNotify();
  const [note, setNote] = useState('');
  const [logCase, setLogCase] = useState(false);
  const [title, setTitle] = useState('');
  const [categoryId, setCategoryId] = useState<number | ''>('');
  const [busy, setBusy] = useState(false);
  // Kept once logged: saving again after a failed visit must not log the case twice.
  const [loggedCase, setLoggedCase] = useState<number>();
  const channel = usePatrolChannel();
  const categories = useGetList('categories', { filter: { active: true }, sort: { field: 'fullName', order: 'ASC' }, pagination: { page: 1, perPage: 500 } }, { enabled: logCase, staleTime: 600_000 });
  const ready = note.trim() && (!logCase || (title.trim() && categoryId !== ''));
  const save = async () => {
    setBusy(true);
    try {
      let caseId = loggedCase;
      if (logCase && channel && caseId === undefined) {
        const body = { title, description: note, type: 'help', channelId: channel.id, categoryId, gridUnitId: household.gridUnitId, residentId: household.residentId };
        const created = (await httpClient(`${API_URL}/cases`, { method: 'POST', body: JSON.stringify(body) })).json as { id: number; number: string };
        caseId = created.id;
        setLoggedCase(caseId);
        notify('app.visits.case_logged', { type: 'success', messageArgs: { number: created.number } });
      }
      await httpClient(`${API_URL}/visits`, { method: 'POST', body: JSON.stringify({ residentId: household.residentId, note, ...(caseId ? { caseId } : {}) }) });
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
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label={t('app.visits.note')} multiline minRows={3} value={note} onChange={(e) => setNote(e.target.value)} fullWidth required inputProps={{ maxLength: 1000 }} />
          {channel && (
            <FormControlLabel control={<Checkbox checked={logCase} onChange={(e) => setLogCase(e.target.checked)} data-testid="visit-log-case" />} label={t('app.visits.log_case')} />
          )}
          {logCase && (
            <>
              <TextField label={t('app.visits.case_title')} value={title} onChange={(e) => setTitle(e.target.value)} required fullWidth inputProps={{ maxLength: 200 }} />
              <TextField select label={t('app.visits.case_category')} value={categoryId} onChange={(e) => setCategoryId(Number(e.target.value))} required fullWidth data-testid="visit-category">
                {(categories.data ?? []).map((c) => (
                  <MenuItem key={c.id} value={c.id}>{c.fullName}</MenuItem>
                ))}
              </TextField>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !ready} onClick={save} data-testid="visit-save">
          {t('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
