import { Link as MuiLink, Tooltip } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { casesPath, type CaseFilter } from './drill';
import { count as formatCount } from './format';

/** A figure that opens the case list behind it. `value` is what is shown (a count unless given). */
export const CaseCountLink = ({ filter, count, children, testId }: { filter: CaseFilter; count?: number | null; children?: ReactNode; testId?: string }) => {
  const t = useTranslate();
  return (
    <Tooltip title={t('app.reports.open_cases')} placement="top" enterDelay={600} disableInteractive>
      <MuiLink component={Link} to={casesPath(filter)} underline="hover" data-testid={testId} data-count={count ?? undefined} sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {children ?? formatCount(count)}
      </MuiLink>
    </Tooltip>
  );
};
