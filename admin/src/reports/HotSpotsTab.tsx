import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { HotSpot } from './api';
import { CaseCountLink } from './CaseCountLink';
import { idsFilter } from './drill';

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** 集中反映 in the period: each cluster of one category in one grid within a day, its count opening its cases. */
export const HotSpotsTab = ({ spots }: { spots: HotSpot[] }) => {
  const t = useTranslate();
  if (!spots.length) return <Alert severity="info">{t('app.reports.hot_spots.empty')}</Alert>;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('app.reports.hot_spots.rule')}
      </Typography>
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
                  <CaseCountLink filter={idsFilter(s.caseIds)} count={s.count} testId="hot-spot-cases" />
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
