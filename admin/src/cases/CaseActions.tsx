import { Button, Stack } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { uploadAttachment, useAttachmentsChanged, useUploadErrorText } from '../attachments';
import { httpClient } from '../dataProvider';
import { useRefreshTodo } from '../todo';
import { ActionDialog, type ActionSpec } from './ActionDialog';

/** An unsatisfied or unresolved follow-up sends the case back to its unit: the message says so (已重办). */
const doneMessage = (action: string, status: string | undefined) => (action === 'follow_up' && status === 'in_progress' ? 'app.actions.done_reopened' : 'app.actions.done');

type HttpError = { status?: number; body?: { message?: string; errors?: Record<string, string> } };

/** The actions this user may take now (from the API), as buttons; each opens its dialog. */
export const CaseActions = () => {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const refreshTodo = useRefreshTodo();
  const attachmentsChanged = useAttachmentsChanged();
  const uploadErrorText = useUploadErrorText();
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: actions = [] } = useQuery({
    queryKey: ['case-actions', record?.id, record?.version],
    queryFn: async () => (await httpClient(`/api/cases/${record!.id}/actions`)).json as ActionSpec[],
    enabled: !!record?.id,
  });
  if (!record) return null;

  const failed = (e: unknown) => {
    const err = e as HttpError;
    if (err.status === 409) {
      notify(t('app.actions.conflict'), { type: 'warning' });
      setOpen(null);
      return;
    }
    const fields = err.body?.errors ? Object.entries(err.body.errors).map(([f, why]) => `${t(`app.actions.fields.${f}`, { _: f })}: ${why}`).join('; ') : err.body?.message;
    notify(fields ?? 'ra.notification.http_error', { type: 'error' });
  };

  const submit = async (values: Record<string, unknown>, photo: File | null) => {
    const action = open!.action;
    const done = t(`app.actions.do.${action}`);
    setBusy(true);
    try {
      const { json: after } = await httpClient(`/api/cases/${record.id}/actions/${action}`, { method: 'POST', body: JSON.stringify({ ...values, version: record.version }) });
      setOpen(null);
      // The action stands on its own: a photo the server refuses afterwards is reported, not undone.
      if (photo) {
        try {
          await uploadAttachment(record.id, photo, 'after');
        } catch (e) {
          notify(t('app.attachments.photo_failed', { action: done, reason: uploadErrorText(e) }), { type: 'warning', autoHideDuration: 10_000 });
          return;
        }
      }
      notify(t(doneMessage(action, after?.status), { action: done }), { type: 'success' });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
      refresh();
      refreshTodo();
      if (photo) attachmentsChanged();
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
