import { Alert, Box, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useTranslate } from 'react-admin';
import { possibleDuplicates, type Duplicate } from './deskApi';
import { useDebounced } from './useDebounced';

/**
 * 可能重复: while the request is typed, the open cases it may repeat (the same category in the same
 * compound lately, or a close title or address), each with one click to merge the new request into it.
 * "继续登记" hides them and the request is logged on its own.
 */
export const DuplicatePanel = ({ onMerge, busy }: { onMerge: (c: Duplicate) => void; busy: boolean }) => {
  const t = useTranslate();
  const [dismissed, setDismissed] = useState(false);
  const [categoryId, gridUnitId, title, address] = useWatch({ name: ['categoryId', 'gridUnitId', 'title', 'address'] });
  const params = useDebounced({ categoryId, gridUnitId, title: (title ?? '').trim(), address: (address ?? '').trim() }, 400);
  const enabled = (params.categoryId && params.gridUnitId) || params.title.length >= 2 || params.address.length >= 2;
  const { data = [] } = useQuery({ queryKey: ['duplicates', params], queryFn: () => possibleDuplicates(params), enabled: !!enabled, staleTime: 10_000 });
  if (!enabled || dismissed || data.length === 0) return null;
  return (
    <Box data-testid="duplicates">
      <Alert severity="warning" sx={{ mb: 1 }}>
        {t('app.intake.duplicates', { smart_count: data.length })}
      </Alert>
      <Stack spacing={1}>
        {data.map((c) => (
          <Card key={c.id} variant="outlined" data-testid="duplicate">
            <CardContent sx={{ pb: 0 }}>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                <Link to={`/cases/${c.id}/show`} target="_blank">
                  {c.number}
                </Link>{' '}
                {c.title}
              </Typography>
              <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap sx={{ mt: 0.5 }}>
                <Chip size="small" label={t(`enums.status.${c.status}`)} />
                <Chip size="small" variant="outlined" label={t(`app.intake.reason.${c.reason}`)} />
                {c.address && <Chip size="small" variant="outlined" label={c.address} />}
              </Stack>
            </CardContent>
            <CardActions>
              <Button size="small" variant="contained" disabled={busy} onClick={() => onMerge(c)}>
                {t('app.intake.merge_into')}
              </Button>
            </CardActions>
          </Card>
        ))}
      </Stack>
      <Button size="small" sx={{ mt: 1 }} onClick={() => setDismissed(true)}>
        {t('app.intake.go_on')}
      </Button>
    </Box>
  );
};
