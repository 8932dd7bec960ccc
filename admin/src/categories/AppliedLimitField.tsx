import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { fromHours } from './duration';

type LimitKey = 'signForHours' | 'responseHours' | 'resolveLimit' | 'urgentSignForHours' | 'urgentResponseHours' | 'urgentResolveHours';
interface Applied {
  value: number | string;
  from: number | null;
}
type CategoryLimits = { id: number; limits: Record<LimitKey | 'resolveUnit', Applied> };

/** Every category's limits in force, fetched once for a page of categories (`GET /api/category-limits`). */
export const useAppliedLimits = () =>
  useQuery({ queryKey: ['category-limits'], queryFn: async () => new Map(((await httpClient(`${API_URL}/category-limits`)).json as CategoryLimits[]).map((c) => [c.id, c.limits])) });

/** A limit as people say it: 30 分钟, 24 小时, 5 个工作日. */
export const useFormatLimit = () => {
  const t = useTranslate();
  return (value: number, unit: 'hours' | 'workdays' = 'hours') => {
    if (unit === 'workdays') return t('app.limits.workdays', { smart_count: value });
    const d = fromHours(value);
    return t(d.unit === 'minutes' ? 'app.limits.minutes' : 'app.limits.hours', { smart_count: d.amount });
  };
};

/**
 * The limit that applies to the category, its own or inherited (继承, from a parent category or the default),
 * so a category that sets nothing no longer shows "—".
 */
export const AppliedLimitField = ({ source }: FieldProps & { source: LimitKey }) => {
  const t = useTranslate();
  const record = useRecordContext<{ id: number }>();
  const { data } = useAppliedLimits();
  const format = useFormatLimit();
  const limits = record && data?.get(record.id);
  if (!limits) return null;
  const applied = limits[source];
  const unit = source === 'resolveLimit' ? (limits.resolveUnit.value as 'hours' | 'workdays') : 'hours';
  const inherited = applied.from !== record.id;
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap', color: inherited ? 'text.secondary' : undefined }} data-testid={`limit-${source}`} data-inherited={inherited || undefined}>
      {format(Number(applied.value), unit)}
      {inherited && (
        <Typography component="span" variant="caption" sx={{ ml: 0.5 }} title={t(applied.from === null ? 'app.limits.from_default' : 'app.limits.from_parent')}>
          {t('app.limits.inherited')}
        </Typography>
      )}
    </Box>
  );
};
