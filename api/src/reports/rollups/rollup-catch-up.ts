/**
 * The rollups' share of cases written while their insert triggers were off (PostgreSQL's bulk load,
 * seed/pg-bulk-session.ts): each case's contributions as the CaseRollups and ClosureRollups migrations'
 * triggers make them, summed in one statement per table over the cases of an id range and appended to
 * the changes (`case_rollup_deltas`, `case_closure_rollup_deltas`) as the triggers append them per
 * statement; the application's fold moves them into the rollups, as it does the triggers'. Appended, not
 * upserted into the keyed rollups: that stays the fold's work, as before, on fewer rows (each statement's
 * sums over many COPYs' cases: at 200,000 cases 334,000 closure rows where the triggers appended 562,000).
 */
import { CLOSURE_KEY, CLOSURE_SUMS, closureRowsSql, ROLLUP_COLUMNS, rollupSumsSql } from './rollup-columns.js';
import { KEYS, POSTGRES_ROLLUPS } from './rollup-store.js';

/** Every grouping's row of a case `c`, as (k.dim, k.place_id, k.value): one pass over the cases for all six. */
const GROUPINGS = `CROSS JOIN LATERAL (VALUES ${KEYS.map(([dim, place, value]) => `(${dim}, ${place}, ${value})`).join(', ')}) k(dim, place_id, value)`;

/**
 * Rows to append to `table`'s `columns`: `select(from, to)` sums the cases with ids from `from` to `to`.
 * A query rather than an INSERT, so that the caller may run it where PostgreSQL plans it in parallel
 * (CREATE TABLE … AS; INSERT … SELECT never is).
 */
export interface CatchUp {
  table: string;
  columns: string[];
  select: (from: number, to: number) => string;
}

/** Ids as literals: a CREATE TABLE … AS takes no parameters. */
const idRange = (from: number, to: number) => {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new Error(`case ids ${from}–${to} are not whole numbers`);
  return `c."id" BETWEEN ${from} AND ${to}`;
};

/**
 * The changes of a range of cases to the rollups and closure rollups, their days and months at the rollup
 * clock's offset `shiftMinutes` (`report_rollup_clock`).
 */
export function rollupCatchUps(shiftMinutes: number): CatchUp[] {
  const day = POSTGRES_ROLLUPS.dayOf('c."received_at"', shiftMinutes);
  const rollups: CatchUp = {
    table: 'case_rollup_deltas',
    columns: ['dim', 'day', 'place_id', 'value', ...ROLLUP_COLUMNS],
    select: (from, to) => `SELECT k.dim, ${day} AS "day", k.place_id, k.value, ${rollupSumsSql()} FROM "cases" c ${GROUPINGS} WHERE ${idRange(from, to)} GROUP BY 1, 2, 3, 4`,
  };
  const month = POSTGRES_ROLLUPS.monthOf('c."received_at"', shiftMinutes);
  const closures: CatchUp = {
    table: 'case_closure_rollup_deltas',
    columns: [...CLOSURE_KEY, ...CLOSURE_SUMS],
    select: (from, to) => closureRowsSql({ dim: 'k.dim', month, place: 'k.place_id', value: 'k.value' }, `"cases" c ${GROUPINGS}`, idRange(from, to)),
  };
  return [rollups, closures];
}
