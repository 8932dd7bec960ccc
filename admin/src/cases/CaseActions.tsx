import { Button, Stack } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { httpClient } from '../dataProvider';
import { ActionDialog, type ActionSpec } from './ActionDialog';

/** The actions this user may take now (from the API), as buttons; each opens its dialog. */
export const CaseActions = () => {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: actions = [] } = useQuery({
    queryKey: ['case-actions', record?.id, record?.version],
    queryFn: async () => (await httpClient(`/api/cases/${record!.id}/actions`)).json as ActionSpec[],
    enabled: !!record?.id,
  });
  if (!record) return null;

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await httpClient(`/api/cases/${record.id}/actions/${open!.action}`, { method: 'POST', body: JSON.stringify({ ...values, version: record.version }) });
      notify(t('app.actions.done', { action: t(`app.actions.do.${open!.action}`) }), { type: 'success' });
      setOpen(null);
    } catch (e) {
      const err = e as { status?: number; body?: { message?: string; errors?: Record<string, string> } };
      if (err.status === 409) {
        notify(t('app.actions.conflict'), { type: 'warning' });
        setOpen(null);
      } else {
        const fields = err.body?.errors ? Object.entries(err.body.errors).map(([f, why]) => `${t(`app.actions.fields.${f}`, { _: f })}: ${why}`).join('; ') : err.body?.message;
        notify(fields ?? 'ra.notification.http_error', { type: 'error' });
      }
    } finally {
      setBusy(false);
      refresh();
      queryClient.invalidateQueries({ queryKey: ['case-events'] });
    }
  };

  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mb: 2 }} data-testid="case-actions">
      {actions.map((a) => (
        <Button key={a.action} variant={a.action === 'comment' ? 'outlined' : 'contained'} size="small" onClick={() => setOpen(a)}>
          {t(`app.actions.do.${a.action}`)}
        </Button>
      ))}
      {open && <ActionDialog spec={open} busy={busy} onClose={() => setOpen(null)} onSubmit={submit} />}
    </Stack>
  );
};
