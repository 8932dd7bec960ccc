import { Box, Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { RecordContextProvider, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { BouncedChip, CasePlace, DueBadge, StatusChip, SuperviseChip, TagChips } from './CaseBits';

/**
 * The case list on a phone (390 px): one card per case instead of a table squeezed to a character a line.
 * Number and status first (what a grid worker reads out), the title in full, the clock, then where it is.
 */
export const CaseCards = () => {
  const { data, isPending } = useListContext();
  const createPath = useCreatePath();
  const t = useTranslate();
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {t('ra.navigation.no_filtered_results', { name: t('resources.cases.name', { smart_count: 2 }) })}
      </Typography>
    );
  }
  return (
    <Stack spacing={1} sx={{ p: 1 }} data-testid="case-cards">
      {data.map((record) => (
        <RecordContextProvider key={record.id} value={record}>
          <Card variant="outlined" data-testid="case-card">
            <CardActionArea component={Link} to={createPath({ resource: 'cases', type: 'show', id: record.id })}>
              <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
                <Stack direction="row" spacing={1} alignItems="center" justifyContent="space-between">
                  <Typography variant="subtitle2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {record.number}
                  </Typography>
                  <StatusChip />
                </Stack>
                <Typography variant="body1" sx={{ my: 0.5, overflowWrap: 'anywhere' }}>
                  {record.title}
                </Typography>
                <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                  <DueBadge />
                  <SuperviseChip />
                  <BouncedChip />
                  <Box component="span" sx={{ color: 'text.secondary' }}>
                    <CasePlace />
                  </Box>
                </Stack>
                <Box sx={{ mt: 0.5 }}>
                  <TagChips />
                </Box>
              </CardContent>
            </CardActionArea>
          </Card>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};
