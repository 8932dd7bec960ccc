import { Alert, Button } from '@mui/material';
import { useGetMany, useListContext, useTranslate } from 'react-admin';

/** Filters a report's figure sets that no filter input shows, and where their names come from. */
const BY_REFERENCE = { communityId: 'grid-units', gridId: 'grid-units', departmentId: 'departments', assigneeId: 'users' } as const;
type ReferenceKey = keyof typeof BY_REFERENCE;
const FLAGS = { handledDirectly: true, dispatchedAt_neq: null } as const;
/** Everything the banner explains, and drops with 显示全部. */
export const DRILL_KEYS = ['measure', 'id', ...Object.keys(BY_REFERENCE), ...Object.keys(FLAGS)];

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** "社区：黄河路社区" for a reference filter, by the names of the records (or "（未指定）" for null). */
const ReferencePart = ({ field, value }: { field: ReferenceKey; value: unknown }) => {
  const t = useTranslate();
  const ids = asList(value).filter((v): v is number => typeof v === 'number');
  const { data } = useGetMany(BY_REFERENCE[field], { ids }, { enabled: ids.length > 0 });
  const names = asList(value).map((v) => (v === null ? t('app.reports.unnamed') : (data?.find((r) => r.id === v)?.name ?? `#${v}`)));
  return <span>{t('app.drill.field', { field: t(`app.drill.key.${field}`), value: names.join('、') })}</span>;
};

/**
 * A list opened from a report figure carries filters no filter input shows: `measure` (which of the cases a
 * figure counts), `id` (a hot spot's cases), the group (community, grid, unit, handler) and daily-report flags.
 * Say so above the list, and offer to drop them.
 */
export const DrillBanner = () => {
  const t = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const present = DRILL_KEYS.filter((k) => filterValues && k in filterValues);
  if (!present.length) return null;
  const parts = present.map((k) => {
    const v = filterValues[k];
    if (k === 'measure') return <span key={k}>{t('app.drill.only', { what: asList(v).map((m) => t(`app.drill.measure.${m}`, { _: String(m) })).join(t('app.drill.and')) })}</span>;
    if (k === 'id') return <span key={k}>{t('app.drill.ids', { smart_count: asList(v).length })}</span>;
    if (k in BY_REFERENCE) return <ReferencePart key={k} field={k as ReferenceKey} value={v} />;
    return <span key={k}>{t(`app.drill.key.${k}`)}</span>;
  });
  const clear = () => setFilters(Object.fromEntries(Object.entries(filterValues).filter(([k]) => !DRILL_KEYS.includes(k))), displayedFilters);
  return (
    <Alert
      severity="info"
      sx={{ borderRadius: 0, '& .MuiAlert-message > span + span::before': { content: '"；"' } }}
      data-testid="drill-banner"
      action={
        <Button color="inherit" size="small" onClick={clear}>
          {t('app.drill.clear')}
        </Button>
      }
    >
      {parts}
    </Alert>
  );
};
