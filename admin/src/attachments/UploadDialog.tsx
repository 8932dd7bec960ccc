import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { uploadAttachment, useUploadErrorText } from './api';
import { STAGES, type Stage } from './fileCheck';
import { FilePicker } from './FilePicker';

/** After an upload the attachments panel, the timeline (its `attach` event) and the thumbnails load again. */
export const useAttachmentsChanged = () => {
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: ['attachments'] });
    queryClient.invalidateQueries({ queryKey: ['case-events'] });
  };
};

/** Stage a new attachment most likely has: before the work while nobody has taken it on, after it once they have. */
const defaultStage = (status: string | undefined): Stage => (!status || ['received', 'dispatched', 'returned'].includes(status) ? 'before' : 'after');

export const UploadDialog = ({ caseId, status, onClose }: { caseId: number; status?: string; onClose: () => void }) => {
  const t = useTranslate();
  const notify = useNotify();
  const errorText = useUploadErrorText();
  const changed = useAttachmentsChanged();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>(defaultStage(status));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      await uploadAttachment(caseId, file, stage, note);
      notify(t('app.attachments.uploaded', { name: file.name }), { type: 'success' });
      onClose();
    } catch (e) {
      notify(errorText(e), { type: 'error' });
    } finally {
      setBusy(false);
      changed();
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('app.attachments.upload')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <FilePicker file={file} onChange={setFile} label={t('app.attachments.pick')} />
          <TextField select label={t('app.attachments.stage')} value={stage} onChange={(e) => setStage(e.target.value as Stage)} fullWidth required>
            {STAGES.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`enums.stage.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField label={t('app.attachments.note')} value={note} onChange={(e) => setNote(e.target.value)} fullWidth />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!file || busy} onClick={submit} data-testid="upload-submit">
          {t('app.attachments.upload')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
