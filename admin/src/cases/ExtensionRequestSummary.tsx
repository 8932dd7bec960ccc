import { Alert, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

/** What a supervisor rules on (from `GET /cases/:id/actions`): the days and reason asked, and the new due time. */
export interface ExtensionRequest {
  days: number;
  reason: string | null;
  note: string | null;
  requestedAt: string | null;
  resolveDueAt: string;
  newResolveDueAt: string;
}

/** Shown at the top of the approve / reject dialog, so the ruling does not need the timeline the dialog covers. */
export const ExtensionRequestSummary = ({ request }: { request: ExtensionRequest }) => {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const time = (iso: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Alert severity="info" icon={false} data-testid="extension-request">
      <Typography variant="body2">{t('app.actions.extension.days', { smart_count: request.days })}</Typography>
      {request.reason && <Typography variant="body2">{t('app.actions.extension.reason', { reason: request.reason })}</Typography>}
      {request.note && <Typography variant="body2">{t('app.actions.extension.note', { note: request.note })}</Typography>}
      <Typography variant="body2">
        {t('app.actions.extension.due', { from: time(request.resolveDueAt), to: time(request.newResolveDueAt) })}
      </Typography>
    </Alert>
  );
};
