import { Alert, Box, Card, CardContent, Chip, Link as MuiLink, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useReport } from '../reports/api';
import { CaseCountLink } from '../reports/CaseCountLink';
import { reportQuery } from '../reports/drill';
import { ExportButtons } from '../reports/ExportButtons';
import { reportFileName } from '../reports/fileName';
import { shortTime } from '../reports/format';

interface Repeat {
  by: 'phone' | 'address';
  who: string;
  categoryName: string | null;
  placeName: string | null;
  count: number;
  open: number;
  firstAt: string;
  lastAt: string;
  residentId: number | null;
  cases: { id: number; number: string; title: string; status: string }[];
}
interface Compound {
  unitId: number;
  unitName: string;
  categoryId: number;
  categoryName: string | null;
  count: number;
  open: number;
  firstAt: string;
  lastAt: string;
  filter: Record<string, unknown>;
}
interface WatchList {
  from: string;
  to: string;
  repeats: Repeat[];
  repeatsTotal: number;
  repeatsMore: boolean;
  compounds: Compound[];
  compoundsTotal: number;
}

const MINIMA = [2, 3, 5, 10];

/** One phone or door asking again: who (masked), what, where, and each of its cases to open. */
const RepeatCard = ({ r }: { r: Repeat }) => {
  const t = useTranslate();
  return (
    <Card variant="outlined" data-testid="watch-repeat">
      <CardContent sx={{ '&:last-child': { pb: 1.5 } }}>
        <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap alignItems="center">
          <Chip size="small" color={r.by === 'phone' ? 'primary' : 'secondary'} variant="outlined" label={t(`app.watch.by_${r.by}`)} />
          <Typography variant="subtitle1" sx={{ overflowWrap: 'anywhere' }}>{r.who}</Typography>
          <Chip size="small" color="warning" label={t('app.watch.count', { smart_count: r.count })} />
          {r.open > 0 && <Chip size="small" variant="outlined" label={t('app.watch.open', { smart_count: r.open })} />}
        </Stack>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {r.categoryName} · {r.placeName} · {t('app.watch.span', { first: shortTime(r.firstAt), last: shortTime(r.lastAt) })}
        </Typography>
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mt: 0.5 }}>
          {r.cases.map((c) => (
            <MuiLink key={c.id} component={Link} to={`/cases/${c.id}/show`} variant="body2" title={`${c.title} · ${t(`enums.status.${c.status}`)}`}>
              {c.number}
            </MuiLink>
          ))}
          {r.residentId && (
            <MuiLink component={Link} to={`/residents/${r.residentId}/show`} variant="body2">
              {t('app.watch.household')}
            </MuiLink>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** A compound where one category keeps coming back: its count opens exactly those cases. */
const CompoundCard = ({ c }: { c: Compound }) => {
  const t = useTranslate();
  return (
    <Card variant="outlined" data-testid="watch-compound">
      <CardContent sx={{ '&:last-child': { pb: 1.5 } }}>
        <Typography variant="subtitle1" sx={{ overflowWrap: 'anywhere' }}>
          {c.unitName} · {c.categoryName}
        </Typography>
        <Typography variant="body2">
          <CaseCountLink filter={c.filter} count={c.count} testId="watch-compound-cases">
            {t('app.watch.count', { smart_count: c.count })}
          </CaseCountLink>
          {c.open > 0 ? ` · ${t('app.watch.open', { smart_count: c.open })}` : ''} · {t('app.watch.span', { first: shortTime(c.firstAt), last: shortTime(c.lastAt) })}
        </Typography>
      </CardContent>
    </Card>
  );
};

/** 关注名单 (未诉先办): the last 30 days' repeats by phone or address, and compounds where a category recurs. */
export const WatchListPage = () => {
  const t = useTranslate();
  const [min, setMin] = useState(3);
  const { data, isPending, error } = useReport<WatchList>('watch-list', { min });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{String((error as Error).message)}</Alert>;
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, maxWidth: 1000 }}>
      <Title title={t('app.watch.title')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} justifyContent="space-between" alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
        <Typography variant="body2">{t('app.watch.intro', { from: data.from, to: data.to })}</Typography>
        <ExportButtons path="reports/watch-list" query={reportQuery({ min })} fileBase={reportFileName('watch-list', [data.to])} />
      </Stack>
      <Typography variant="h6" sx={{ mb: 1 }}>{t('app.watch.repeats', { smart_count: data.repeatsTotal })}</Typography>
      {data.repeatsMore && <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('app.watch.repeats_more')}</Typography>}
      {data.repeats.length === 0 && <Alert severity="info">{t('app.watch.none_repeats')}</Alert>}
      <Stack spacing={1}>
        {data.repeats.map((r) => (
          <RepeatCard key={`${r.by}-${r.cases[0]?.id}`} r={r} />
        ))}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" justifyContent="space-between" sx={{ mt: 3, mb: 1 }}>
        <Typography variant="h6" sx={{ flexGrow: 1 }}>{t('app.watch.compounds', { smart_count: data.compoundsTotal })}</Typography>
        <TextField select size="small" label={t('app.watch.min')} value={min} onChange={(e) => setMin(Number(e.target.value))} sx={{ width: 140, flexShrink: 0 }} data-testid="watch-min">
          {MINIMA.map((m) => (
            <MenuItem key={m} value={m}>{t('app.watch.count', { smart_count: m })}</MenuItem>
          ))}
        </TextField>
      </Stack>
      {data.compounds.length === 0 && <Alert severity="info">{t('app.watch.none_compounds', { min })}</Alert>}
      {/* Short cards: two to a row where there is room. */}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' }, gap: 1 }}>
        {data.compounds.map((c) => (
          <CompoundCard key={`${c.unitId}-${c.categoryId}`} c={c} />
        ))}
      </Box>
    </Box>
  );
};

export default WatchListPage;
