/**
 * The rollups' share of cases written while their insert triggers were off (PostgreSQL's bulk load,
 * seed/pg-bulk-session.ts): each case's contributions as the CaseRollups and ClosureRollups migrations'
 * triggers make them, summed in one statement per table over the cases of an id range and added to the
 * rollup rows, where the application's fold would have moved the triggers' appended changes.
 */
import { hoursBucketSql } from './closure-sketch.js';
import { ROLLUP_COLUMNS, ROLLUP_MASKS, ROLLUP_TALLIES } from './rollup-columns.js';
import { CLOSURE_KEY, CLOSURE_SUMS, KEYS, POSTGRES_ROLLUPS } from './rollup-store.js';

const quoted = (cs: string[]) => cs.map((c) => `"${c}"`).join(', ');
/** Every grouping's row of a case `c`, as (k.dim, k.place_id, k.value): one pass over the cases for all six. */
const GROUPINGS = `CROSS JOIN LATERAL (VALUES ${KEYS.map(([dim, place, value]) => `(${dim}, ${place}, ${value})`).join(', ')}) k(dim, place_id, value)`;
/** Rows added to those already there (the fold's upsert); ordered by key, as the fold orders its own. */
const upsert = (table: string, key: string[], sums: string[], select: string) =>
  `INSERT INTO "${table}" (${quoted([...key, ...sums])}) ${select} ORDER BY ${quoted(key)} ` +
  `ON CONFLICT (${quoted(key)}) DO UPDATE SET ${sums.map((c) => `"${c}" = "${table}"."${c}" + EXCLUDED."${c}"`).join(', ')}`;

/**
 * The statements that add the cases with ids from $1 to $2 to `case_rollups` and `case_closure_rollups`,
 * their days and months at the rollup clock's offset `shiftMinutes` (`report_rollup_clock`).
 */
export function rollupCatchUpSql(shiftMinutes: number): string[] {
  const tallies = Object.values(ROLLUP_TALLIES);
  const sums = ROLLUP_COLUMNS.map((c) => {
    if (c === 'n') return 'COUNT(*)';
    if (tallies.includes(c)) return `SUM(c."${c}")`;
    return `SUM(CASE WHEN (c."measure_bits" & ${ROLLUP_MASKS[c]}) = ${ROLLUP_MASKS[c]} THEN 1 ELSE 0 END)`;
  });
  const day = POSTGRES_ROLLUPS.dayOf('c."received_at"', shiftMinutes);
  const rollups = upsert(
    'case_rollups',
    ['dim', 'day', 'place_id', 'value'],
    ROLLUP_COLUMNS,
    `SELECT k.dim, ${day} AS "day", k.place_id, k.value, ${sums.join(', ')} FROM "cases" c ${GROUPINGS} WHERE c."id" BETWEEN $1 AND $2 GROUP BY 1, 2, 3, 4`,
  );
  const closed = ROLLUP_MASKS.closed;
  const onTime = ROLLUP_MASKS.closed_on_time;
  const closures = upsert(
    'case_closure_rollups',
    CLOSURE_KEY,
    CLOSURE_SUMS,
    `SELECT k.dim, ${POSTGRES_ROLLUPS.monthOf('c."received_at"', shiftMinutes)} AS "month", k.place_id, k.value, ${hoursBucketSql('c."close_hours"')} AS "hours_bucket", COALESCE(c."close_workdays", -1) AS "workdays", ` +
      `COUNT(*), SUM(CASE WHEN (c."measure_bits" & ${onTime}) = ${onTime} THEN 1 ELSE 0 END), SUM(c."close_hours") ` +
      `FROM "cases" c ${GROUPINGS} WHERE c."id" BETWEEN $1 AND $2 AND (c."measure_bits" & ${closed}) = ${closed} AND c."close_hours" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  return [rollups, closures];
}
