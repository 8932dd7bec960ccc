import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { BADGE_COLOR, dueBadgeState, spanParts } from './dueState';

const STATUS_COLOR: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info'> = {
  received: 'info',
  dispatched: 'primary',
  in_progress: 'secondary',
  returned: 'warning',
  replied: 'primary',
  closed: 'success',
  merged: 'default',
  rejected: 'default',
};

export const StatusChip = ({ label: _label }: { label?: string }) => {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record?.status) return null;
  return <Chip size="small" color={STATUS_COLOR[record.status] ?? 'default'} label={t(`enums.status.${record.status}`)} data-testid="status" />;
};

/** 红黄绿 badge for one clock: the due field and the field that stops it. */
export const DueBadge = ({ due = 'resolveDueAt', done = 'closedAt' }: { due?: string; done?: string; label?: string }) => {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  const state = dueBadgeState(record[due], record[done]);
  if (!state) return null;
  const dueAt = new Date(record[due]);
  let label = t(`app.cases.due.${state}`);
  if (state === 'green' || state === 'yellow' || state === 'red') {
    const { days, hours } = spanParts(dueAt.getTime() - Date.now());
    const span = days > 0 ? t('app.days', { smart_count: days }) : t('app.hours', { smart_count: hours });
    label = `${label} · ${t(state === 'red' ? 'app.cases.over' : 'app.cases.left', { time: span })}`;
  }
  return <Chip size="small" variant={state === 'done' ? 'outlined' : 'filled'} color={BADGE_COLOR[state]} label={label} title={dueAt.toLocaleString()} />;
};

export const TagChips = ({ source = 'residentTags' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const t = useTranslate();
  const tags: string[] = record?.[source] ?? [];
  if (!tags.length) return null;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap">
      {tags.map((tag) => (
        <Chip key={tag} size="small" color="warning" variant="outlined" label={t(`enums.tag.${tag}`)} />
      ))}
    </Stack>
  );
};

export const SuperviseChip = (_props: { label?: string }) => {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record?.superviseLevel) return null;
  return <Chip size="small" color={record.superviseLevel === 'red' ? 'error' : 'warning'} label={t(`enums.superviseLevel.${record.superviseLevel}`)} />;
};
