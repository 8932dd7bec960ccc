import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel } from '@mui/material';
import { useMemo, useState, type ReactNode } from 'react';
import { compareValues } from './format';

/** A chart beside a table shows at most this many groups (the table has them all). */
export const MAX_BARS = 20;

export interface Column<R> {
  key: string;
  header: ReactNode;
  /** What the column sorts by (numbers by value, text in Chinese order, nulls last). */
  value: (row: R) => unknown;
  render?: (row: R, index: number) => ReactNode;
  align?: 'left' | 'right' | 'center';
  sortable?: boolean;
}

export interface Sort {
  key: string;
  order: 'asc' | 'desc';
}

/** A plain MUI table sorted on the client (a report is one screen of groups), with its total row pinned last. */
export function SortableTable<R>({ rows, total, columns, initialSort, rowKey, testId }: { rows: R[]; total?: R; columns: Column<R>[]; initialSort: Sort; rowKey: (r: R) => string; testId?: string }) {
  const [sort, setSort] = useState<Sort>(initialSort);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0];
    return [...rows].sort((a, b) => compareValues(col.value(a), col.value(b), sort.order));
  }, [rows, columns, sort]);
  const toggle = (key: string) => setSort((s) => (s.key === key ? { key, order: s.order === 'asc' ? 'desc' : 'asc' } : { key, order: 'desc' }));
  return (
    // `contain: inline-size`: a wide table scrolls inside its card instead of widening the page (react-admin's
    // layout grows to fit its content).
    <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto', contain: 'inline-size' }}>
      {/* Half the default side padding: the rates table's thirteen columns fit a 1400 px window. */}
      <Table size="small" stickyHeader data-testid={testId} sx={{ '& .MuiTableCell-root': { px: 1 } }}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.key} align={c.align} sortDirection={sort.key === c.key ? sort.order : false} sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                {c.sortable === false ? (
                  c.header
                ) : (
                  <TableSortLabel active={sort.key === c.key} direction={sort.key === c.key ? sort.order : 'desc'} onClick={() => toggle(c.key)}>
                    {c.header}
                  </TableSortLabel>
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((r, i) => (
            <TableRow key={rowKey(r)} hover data-testid="report-row">
              {columns.map((c) => (
                <TableCell key={c.key} align={c.align} sx={{ whiteSpace: 'nowrap' }}>
                  {c.render ? c.render(r, i) : String(c.value(r) ?? '')}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {total && (
            <TableRow data-testid="report-total" sx={{ '& td': { fontWeight: 600, borderTop: 2, borderColor: 'divider' } }}>
              {columns.map((c) => (
                <TableCell key={c.key} align={c.align} sx={{ whiteSpace: 'nowrap' }}>
                  {c.render ? c.render(total, -1) : String(c.value(total) ?? '')}
                </TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
