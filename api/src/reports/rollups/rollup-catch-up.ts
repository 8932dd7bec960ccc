/**
 * The rollups' share of cases written while their insert triggers were off (PostgreSQL's bulk load,
 * seed/pg-bulk-session.ts): each case's contributions as the CaseRollups and ClosureRollups migrations'
 * triggers make them, summed in one statement per table over the cases of an id range and appended to
 * the changes (`case_rollup_deltas`, `case_closure_rollup_deltas`) as the triggers append them per
 * statement; the application's fold moves them into the rollups, as it does the triggers'. Appended, not
 * upserted into the keyed rollups: that stays the fold's work, as before, on fewer rows (each statement's
 * sums over many COPYs' cases: at 200,000 cases 334,000 closure rows where the triggers appended 562,000).
 */
import { hoursBucketSql } from './closure-sketch.js';
import { ROLLUP_COLUMNS, ROLLUP_MASKS, ROLLUP_TALLIES } from './rollup-columns.js';
import { CLOSURE_KEY, CLOSURE_SUMS, KEYS, POSTGRES_ROLLUPS } from './rollup-store.js';

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
  const tallies = Object.values(ROLLUP_TALLIES);
  const sums = ROLLUP_COLUMNS.map((c) => {
    if (c === 'n') return 'COUNT(*)';
    if (tallies.includes(c)) return `SUM(c."${c}")`;
    return `SUM(CASE WHEN (c."measure_bits" & ${ROLLUP_MASKS[c]}) = ${ROLLUP_MASKS[c]} THEN 1 ELSE 0 END)`;
  });
  const day = POSTGRES_ROLLUPS.dayOf('c."received_at"', shiftMinutes);
  const rollups: CatchUp = {
    table: 'case_rollup_deltas',
    columns: ['dim', 'day', 'place_id', 'value', ...ROLLUP_COLUMNS],
    select: (from, to) => `SELECT k.dim, ${day} AS "day", k.place_id, k.value, ${sums.join(', ')} FROM "cases" c ${GROUPINGS} WHERE ${idRange(from, to)} GROUP BY 1, 2, 3, 4`,
  };
  const closed = ROLLUP_MASKS.closed;
  const onTime = ROLLUP_MASKS.closed_on_time;
  const closures: CatchUp = {
    table: 'case_closure_rollup_deltas',
    columns: [...CLOSURE_KEY, ...CLOSURE_SUMS],
    select: (from, to) =>
      `SELECT k.dim, ${POSTGRES_ROLLUPS.monthOf('c."received_at"', shiftMinutes)} AS "month", k.place_id, k.value, ${hoursBucketSql('c."close_hours"')} AS "hours_bucket", COALESCE(c."close_workdays", -1) AS "workdays", ` +
      `COUNT(*), SUM(CASE WHEN (c."measure_bits" & ${onTime}) = ${onTime} THEN 1 ELSE 0 END), SUM(c."close_hours") ` +
      `FROM "cases" c ${GROUPINGS} WHERE ${idRange(from, to)} AND (c."measure_bits" & ${closed}) = ${closed} AND c."close_hours" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
  };
  return [rollups, closures];
}
