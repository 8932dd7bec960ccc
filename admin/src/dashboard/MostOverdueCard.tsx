import { Button, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { RecordContextProvider, useGetList, useTranslate } from 'react-admin';
import { DueBadge } from '../cases/CaseBits';
import { casesPath } from '../reports/drill';
import { PanelCard } from './FigureCard';
import { OVERDUE } from './figures';

const SORT = { field: 'resolveDueAt', order: 'ASC' } as const;

/** The ten open cases longest past their resolution due time; each opens its case, the title the whole list. */
export const MostOverdueCard = () => {
  const t = useTranslate();
  const { data, total, error } = useGetList('cases', { filter: OVERDUE, sort: SORT, pagination: { page: 1, perPage: 10 } });
  return (
    <PanelCard
      title={t('app.dashboard.most_overdue')}
      testId="most-overdue"
      action={
        <Button size="small" component={Link} to={casesPath(OVERDUE, SORT)} data-testid="most-overdue-all">
          {t('app.dashboard.view_all', { smart_count: total ?? 0 })}
        </Button>
      }
    >
      {error && <Typography color="error">{(error as Error).message}</Typography>}
      {data && !data.length && <Typography color="text.secondary">{t('app.dashboard.none_overdue')}</Typography>}
      <List dense disablePadding>
        {data?.map((c) => (
          <ListItemButton key={c.id} component={Link} to={`/cases/${c.id}/show`} data-testid="overdue-case">
            <ListItemText primary={`${c.number} ${c.title}`} secondary={c.address || undefined} slotProps={{ primary: { noWrap: true } }} />
            <RecordContextProvider value={c}>
              <DueBadge />
            </RecordContextProvider>
          </ListItemButton>
        ))}
      </List>
    </PanelCard>
  );
};
