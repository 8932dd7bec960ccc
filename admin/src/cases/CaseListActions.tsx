import { Checkbox, FormControlLabel, Tooltip } from '@mui/material';
import { useState } from 'react';
import { FilterButton, CreateButton, SortButton, TopToolbar, useListContext, useResourceDefinition, useTranslate } from 'react-admin';
import { mayExportFull } from '../access-log/accessLog';
import { getUser } from '../authProvider';
import { dateIn } from '../reports/period';
import { ExportButtons } from '../reports/ExportButtons';

/**
 * The case list's buttons: filters, new case, and the server's Excel / CSV of every case under the current filter
 * and sort (`/api/cases.xlsx?filter=…&sort=…`), not just the page on screen, for the paper ledgers (台账); a sort by receipt
 * or by any of the three due times.
 */
export const CaseListActions = () => {
  const { filterValues, sort } = useListContext();
  const { hasCreate } = useResourceDefinition();
  const t = useTranslate();
  // Files mask phones and addresses; those granted it may ask for the full values (the API checks, and logs it).
  const [full, setFull] = useState(false);
  const canFull = mayExportFull(getUser());
  const params = { filter: JSON.stringify(filterValues ?? {}), sort: JSON.stringify([sort.field, sort.order]), ...(canFull && full ? { full: '1' } : {}) };
  const query = new URLSearchParams(params).toString();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <FilterButton />
      {/* Due times to triage by: on a phone the cards have no column headers to click. */}
      <SortButton fields={['receivedAt', 'signDueAt', 'responseDueAt', 'resolveDueAt']} />
      {hasCreate && <CreateButton />}
      <ExportButtons path="cases" query={query} fileBase={`cases-${dateIn()}`} />
      {canFull && (
        <Tooltip title={t('app.privacy.export_full_hint')}>
          <FormControlLabel control={<Checkbox size="small" checked={full} onChange={(e) => setFull(e.target.checked)} />} label={t('app.privacy.export_full')} />
        </Tooltip>
      )}
    </TopToolbar>
  );
};
