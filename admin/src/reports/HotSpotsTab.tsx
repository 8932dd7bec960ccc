import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { HotSpot } from './api';
import { CaseCountLink } from './CaseCountLink';
import { shortTime as time } from './format';


/**
 * 集中反映 in the period: each cluster of one category in one grid within a day, its count opening its cases (by
 * the spot's filter: a year's spots hold hundreds of thousands of cases). The biggest come first; when the API
 * answered only those, the tab says how many there are in all.
 */
export const HotSpotsTab = ({ spots, total }: { spots: HotSpot[]; total: number }) => {
  const t = useTranslate();
  if (!spots.length) return <Alert severity="info">{t('app.reports.hot_spots.empty')}</Alert>;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('app.reports.hot_spots.rule')}
      </Typography>
      {total > spots.length && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="hot-spots-capped">
          {t('app.reports.hot_spots.capped', { shown: spots.length, total })}
        </Typography>
      )}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" data-testid="hot-spots-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('app.reports.hot_spots.place')}</TableCell>
              <TableCell>{t('app.reports.hot_spots.category')}</TableCell>
              <TableCell align="right">{t('app.reports.hot_spots.count')}</TableCell>
              <TableCell>{t('app.reports.hot_spots.first')}</TableCell>
              <TableCell>{t('app.reports.hot_spots.last')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {spots.map((s) => (
              <TableRow key={`${s.unitId}-${s.categoryId}-${s.firstAt}`} data-testid="hot-spot-row">
                <TableCell>{s.unitName}</TableCell>
                <TableCell>{s.categoryName}</TableCell>
                <TableCell align="right">
                  <CaseCountLink filter={s.filter} count={s.count} testId="hot-spot-cases" />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(s.firstAt)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(s.lastAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
};
