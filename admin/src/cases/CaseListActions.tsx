import { FilterButton, CreateButton, SortButton, TopToolbar, useListContext, useResourceDefinition } from 'react-admin';
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
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}), sort: JSON.stringify([sort.field, sort.order]) }).toString();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <FilterButton />
      {/* Due times to triage by: on a phone the cards have no column headers to click. */}
      <SortButton fields={['receivedAt', 'signDueAt', 'responseDueAt', 'resolveDueAt']} />
      {hasCreate && <CreateButton />}
      <ExportButtons path="cases" query={query} fileBase={`cases-${dateIn()}`} />
    </TopToolbar>
  );
};
