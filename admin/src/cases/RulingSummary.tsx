import { Alert, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

/** What a supervisor rules on for a pause (approve/reject) or an appeal (uphold/reject), from `GET /cases/:id/actions`. */
export interface RulingRequest {
  reason: string | null;
  note: string | null;
  resumeOn?: string | null;
  requestedAt?: string | null;
  level?: number;
  appealedAt?: string | null;
  rating?: { resolved: boolean; satisfaction: string } | null;
}

const PAUSE_RULINGS = ['approve_pause', 'reject_pause'];

/** Shown at the top of the ruling's dialog, so the supervisor decides with the request in front of them. */
export const RulingSummary = ({ action, request }: { action: string; request: RulingRequest }) => {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const time = (iso: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
  const pause = PAUSE_RULINGS.includes(action);
  const reason = request.reason ? t(`enums.${pause ? 'pauseReason' : 'appealReason'}.${request.reason}`) : '—';
  return (
    <Alert severity="info" icon={false} data-testid="ruling-request">
      <Typography variant="body2">{pause ? t('app.fair.pause_request', { reason }) : t('app.fair.appeal_request', { reason, level: request.level ?? 1 })}</Typography>
      {request.note && <Typography variant="body2">{t('app.fair.note', { note: request.note })}</Typography>}
      {pause && request.resumeOn && <Typography variant="body2">{t('app.fair.resume_on', { date: request.resumeOn })}</Typography>}
      {!pause && request.rating && (
        <Typography variant="body2">
          {t('app.fair.rating', { resolved: t(request.rating.resolved ? 'app.fair.resolved_yes' : 'app.fair.resolved_no'), satisfaction: t(`enums.satisfaction.${request.rating.satisfaction}`) })}
        </Typography>
      )}
      {(request.requestedAt ?? request.appealedAt) && <Typography variant="body2">{t('app.fair.requested_at', { time: time((request.requestedAt ?? request.appealedAt)!) })}</Typography>}
    </Alert>
  );
};
