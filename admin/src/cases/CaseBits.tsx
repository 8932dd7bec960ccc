import { Chip, Stack, Typography } from '@mui/material';
import { ReferenceField, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { badgeColor, caseBadge, spanParts, type ClockedCase } from './dueState';
import { placeName } from './place';

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

/** A span as one unit a person reads at a glance: days, else hours, else minutes. */
const useSpan = () => {
  const t = useTranslate();
  return (ms: number) => {
    const { days, hours, minutes } = spanParts(ms);
    if (days > 0) return t('app.days', { smart_count: days });
    if (hours > 0) return t('app.hours', { smart_count: hours });
    return t('app.minutes', { smart_count: minutes });
  };
};

/**
 * The deadline badge (dueState.ts): the most urgent running clock by name and its time left, or which clocks ran out;
 * closed cases say whether they closed on time; merged and rejected ones carry no clock.
 */
export const DueBadge = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<RaRecord & ClockedCase>();
  const t = useTranslate();
  const [locale] = useLocaleState();
  const span = useSpan();
  if (!record?.status) return null;
  const badge = caseBadge(record);
  let label: string;
  let title: string | undefined;
  if (badge.kind === 'none') label = t('app.cases.no_clock');
  else if (badge.kind === 'paused') label = badge.until ? t('app.fair.paused_until', { date: monthDay(badge.until, locale) }) : t('app.fair.paused');
  else if (badge.kind === 'closed') label = t(badge.onTime ? 'app.cases.closed_on_time' : 'app.cases.closed_late');
  else {
    const late = badge.late.map((k) => t(`app.cases.clock_late.${k}`));
    const left = t('app.cases.clock_left', { clock: t(`app.cases.clock.${badge.clock}`), time: span(badge.msLeft) });
    // A running clock past due names itself and by how much; a clock that ran out and stopped (signed for late) is
    // named before the running clock's time left. Further late clocks are counted (+1), and listed on hover.
    const more = late.length > 1 ? ` +${late.length - 1}` : '';
    if (!late.length) label = left;
    else if (badge.msLeft < 0) label = `${t('app.cases.clock_over', { late: t(`app.cases.clock_late.${badge.clock}`), time: span(badge.msLeft) })}${more}`;
    else label = `${late[late.length - 1]}${more} · ${left}`;
    title = [...late, `${t(`app.cases.clock.${badge.clock}`)} ${badge.dueAt.toLocaleString()}`].join('\n');
  }
  return <Chip size="small" variant={badge.kind === 'open' ? 'filled' : 'outlined'} color={badgeColor(badge)} label={label} title={title} data-testid="due-badge" />;
};

/** 12月8日 / 8 Dec: a pause's resume date as the badge shows it. */
const monthDay = (date: string, locale: string) => {
  const [, m, d] = date.split('-').map(Number);
  return locale === 'en' ? new Date(Date.UTC(2000, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }) : `${m}月${d}日`;
};

/** 多次退单: a case sent back more than twice is flagged for the supervisor. */
export const BouncedChip = (_props: { label?: string | false }) => {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record || !(record.returnCount > 2)) return null;
  return <Chip size="small" color="warning" label={t('app.fair.bounced', { smart_count: record.returnCount })} data-testid="bounced" />;
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

/** The case's grid unit as compound + building (place.ts), its full path on hover. */
export const CasePlace = (_props: { label?: string; sortable?: boolean }) => (
  <ReferenceField source="gridUnitId" reference="grid-units" link={false}>
    <UnitPlace />
  </ReferenceField>
);

const UnitPlace = () => {
  const unit = useRecordContext();
  if (!unit) return null;
  return (
    <Typography component="span" variant="body2" title={unit.fullName} className="case-place" data-testid="case-place">
      {placeName(unit.fullName, unit.name)}
    </Typography>
  );
};
