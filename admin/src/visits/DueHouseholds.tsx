import { Alert, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { VisitDialog } from './VisitDialog';

interface DueHousehold {
  residentId: number;
  name: string;
  phone: string | null;
  address: string | null;
  tags: string[];
  gridUnitId: number;
  every: number;
  lastContactAt: string | null;
  overdueDays: number | null;
}

/** The one react-query key of the households due: the page, the to-do tab and its count share it. */
export const VISITS_DUE_KEY = ['visits-due'] as const;
export const useVisitsDue = (enabled = true) =>
  useQuery({ queryKey: VISITS_DUE_KEY, queryFn: async () => (await httpClient(`${API_URL}/visits/due`)).json as { total: number; rows: DueHousehold[] }, enabled, refetchInterval: 300_000 });

/** The key-population households due a visit, as cards, each with 记录走访. */
export const DueHouseholds = () => {
  const t = useTranslate();
  const client = useQueryClient();
  const [visiting, setVisiting] = useState<DueHousehold | null>(null);
  const { data, isPending, error } = useVisitsDue();
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{String((error as Error).message)}</Alert>;
  return (
    <>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('app.visits.intro', { smart_count: data.total })}
      </Typography>
      <Stack spacing={1}>
        {data.rows.map((h) => (
          <Card key={h.residentId} variant="outlined" data-testid="due-household">
            <CardContent sx={{ pb: 0 }}>
              <Typography variant="subtitle1">
                {h.name} <Typography component="span" variant="body2" color="text.secondary">{h.phone}</Typography>
              </Typography>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{h.address}</Typography>
              <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap sx={{ mt: 0.5 }}>
                {h.tags.map((tag) => (
                  <Chip key={tag} size="small" label={t(`enums.tag.${tag}`)} />
                ))}
                <Chip size="small" color={h.overdueDays === null ? 'error' : 'warning'} variant="outlined" label={h.overdueDays === null ? t('app.visits.never') : t('app.visits.overdue', { smart_count: h.overdueDays, every: h.every })} />
              </Stack>
            </CardContent>
            <CardActions>
              <Button size="small" variant="contained" onClick={() => setVisiting(h)}>
                {t('app.visits.record')}
              </Button>
            </CardActions>
          </Card>
        ))}
      </Stack>
      {visiting && (
        <VisitDialog
          household={visiting}
          onClose={(saved) => {
            setVisiting(null);
            if (saved) void client.invalidateQueries({ queryKey: VISITS_DUE_KEY });
          }}
        />
      )}
    </>
  );
};
