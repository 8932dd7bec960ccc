import { Alert, Box, Card, CardContent, Skeleton, TextField as MuiTextField } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { CreateButton, Title, TopToolbar, useGetList, useResourceDefinition, useTranslate } from 'react-admin';
import type { UnitRow } from './unitTree';

const GridUnitTree = lazy(() => import('./GridUnitTree'));

/** The API's largest page: a subdistrict's units, down to its buildings, fit in it. */
const ALL = 1000;

/** 网格: the territory as a tree in natural order (1号, 2号 … 10号), with a search over full names. */
export const GridUnitList = () => {
  const t = useTranslate();
  const { hasCreate } = useResourceDefinition();
  const [search, setSearch] = useState('');
  const { data, total, error, isPending } = useGetList<UnitRow & { id: number }>('grid-units', { pagination: { page: 1, perPage: ALL }, sort: { field: 'path', order: 'ASC' } });
  return (
    <Box>
      <Title title={t('resources.grid-units.name', { smart_count: 2 })} />
      <TopToolbar>{hasCreate && <CreateButton />}</TopToolbar>
      <Card>
        <CardContent>
          <MuiTextField size="small" label={t('ra.action.search')} value={search} onChange={(e) => setSearch(e.target.value)} sx={{ mb: 1, width: 280, maxWidth: '100%' }} slotProps={{ htmlInput: { 'data-testid': 'grid-unit-search' } }} />
          {error && <Alert severity="error">{(error as Error).message}</Alert>}
          {total !== undefined && total > ALL && <Alert severity="info">{t('app.grid.too_many', { shown: ALL, total })}</Alert>}
          {isPending ? (
            <Skeleton variant="rectangular" height={240} />
          ) : (
            <Suspense fallback={<Skeleton variant="rectangular" height={240} />}>
              <GridUnitTree rows={data ?? []} search={search} />
            </Suspense>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
