import { Box, Stack, Typography } from '@mui/material';
import { ReferenceField, TextField, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { AttachmentThumb } from '../attachments';
import { eventDetails, eventTitleKeys, type CaseEvent, type Detail } from './eventDetails';
import { outsideActorKey } from './visibility';
import { VisibilityMark } from './VisibilityMark';

const REF_TEXT = { departments: 'name', cases: 'number', users: 'name' } as const;

const DetailValue = ({ detail }: { detail: Detail }) => {
  const t = useTranslate();
  if ('text' in detail) return <>{detail.text}</>;
  if ('key' in detail) return <>{t(detail.key, detail.params)}</>;
  if ('date' in detail) return <LocalDateField record={{ id: 0, at: detail.date }} source="at" showTime />;
  return (
    <ReferenceField record={{ id: 0, ref: detail.id }} source="ref" reference={detail.ref} link={detail.ref === 'cases' ? 'show' : false}>
      <TextField source={REF_TEXT[detail.ref]} />
    </ReferenceField>
  );
};

/**
 * One event: action (and status change), whether residents see it (公开 / 内部), time and actor (居民, 企业 … for
 * those outside, 系统 for the server's own), note, its details, its file.
 */
export const TimelineEntry = ({ event: e }: { event: CaseEvent }) => {
  const t = useTranslate();
  const data = e.data ?? {};
  const title = eventTitleKeys(e)
    .map((k) => t(k, { _: k.split('.').pop() }))
    .join(' · ');
  return (
    <Box component="li" sx={{ pl: 2, pb: 1.5 }} data-testid={`event-${e.action}`}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="subtitle2">
          {title}
          {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? ` · ${t(`enums.status.${e.fromStatus}`)} → ${t(`enums.status.${e.toStatus}`)}` : ''}
        </Typography>
        <VisibilityMark entry={e} />
      </Stack>
      <Typography variant="body2" color="text.secondary" component="div">
        <LocalDateField record={e} source="createdAt" showTime />{' '}
        {e.actorId ? (
          <ReferenceField record={e} source="actorId" reference="users" link={false}>
            <TextField source="name" />
          </ReferenceField>
        ) : (
          t(outsideActorKey(e) ?? 'app.timeline.system')
        )}
      </Typography>
      {eventDetails(e).map((d) => (
        <Typography key={d.label} variant="body2" component="div">
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {t('app.timeline.label', { label: t(d.label) })}
          </Box>
          <DetailValue detail={d} />
        </Typography>
      ))}
      {e.note && <Typography variant="body2">{e.note}</Typography>}
      {e.action === 'attach' && typeof data.attachmentId === 'number' && (
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5 }}>
          <AttachmentThumb id={data.attachmentId} fileName={String(data.fileName ?? '')} mimeType={String(data.mimeType ?? '')} size={72} />
        </Stack>
      )}
    </Box>
  );
};
