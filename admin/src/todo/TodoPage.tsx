import { Alert, Box, Chip, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useSearchParams } from 'react-router-dom';
import { List, Loading, Title, usePermissions, useTranslate } from 'react-admin';
import { DueHouseholds, useVisitsDue } from '../visits/DueHouseholds';
import { CaseDatagrid } from '../cases/CaseDatagrid';
import { pickBucket, WATCH_BUCKETS, type TodoBucket } from './buckets';
import { useTodo } from './useTodo';

const VISITS = 'visits';

/** The cases of one bucket: the case list's columns, under the bucket's own filter. */
const BucketCases = ({ bucket }: { bucket: TodoBucket }) => {
  const t = useTranslate();
  return (
    <List
      resource="cases"
      filter={bucket.filter}
      storeKey={`todo.${bucket.key}`}
      disableSyncWithLocation
      sort={{ field: 'receivedAt', order: 'DESC' }}
      perPage={25}
      title={false}
      actions={false}
      empty={<Typography sx={{ p: 2 }} color="text.secondary">{t('app.todo.empty')}</Typography>}
    >
      <CaseDatagrid />
    </List>
  );
};

const BucketLabel = ({ bucket }: { bucket: TodoBucket }) => {
  const t = useTranslate();
  const urgent = bucket.count > 0 && (bucket.key === 'overdue' || !WATCH_BUCKETS.has(bucket.key));
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <span>{t(`app.todo.buckets.${bucket.key}`, { _: bucket.key })}</span>
      <Chip size="small" label={bucket.count} color={urgent ? (bucket.key === 'overdue' ? 'error' : 'primary') : 'default'} data-testid="todo-count" />
    </Stack>
  );
};

/** 我的待办: one tab per bucket with its count, the selected bucket's cases below; the tab is kept in the address. */
export const TodoPage = () => {
  const t = useTranslate();
  const { data: cases, error, isPending } = useTodo();
  // A grid worker's visits due (未诉先办) are to-do too: one more tab, of households rather than cases.
  const { permissions: role } = usePermissions<string>();
  const visits = useVisitsDue(role === 'grid_worker');
  const buckets = cases && (visits.data ? [...cases, { key: VISITS, count: visits.data.total, filter: {} }] : cases);
  const [params, setParams] = useSearchParams();
  const selected = pickBucket(buckets ?? [], params.get('bucket'));
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={t('app.todo.title')} />
      {isPending && <Loading />}
      {error && <Alert severity="error">{t('app.todo.error', { message: (error as Error).message })}</Alert>}
      {buckets && (
        <Tabs
          value={selected?.key ?? false}
          onChange={(_, key: string) => setParams({ bucket: key }, { replace: true })}
          variant="scrollable"
          scrollButtons="auto"
          sx={{ borderBottom: 1, borderColor: 'divider', mb: 1 }}
        >
          {buckets.map((b) => (
            <Tab key={b.key} value={b.key} label={<BucketLabel bucket={b} />} data-testid={`todo-tab-${b.key}`} />
          ))}
        </Tabs>
      )}
      {selected && (
        <Box data-bucket={selected.key}>
          {selected.key === VISITS ? <DueHouseholds /> : <BucketCases key={selected.key} bucket={selected} />}
        </Box>
      )}
    </Box>
  );
};
