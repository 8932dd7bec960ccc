import type { GroupBy } from '../groups.js';
import { hoursBucketSql } from './closure-sketch.js';
import { bitOf, MEASURE_NAMES, type Measure, type Tally } from '../../cases/case-measures.js';

/**
 * What a rollup row (`case_rollups`, `case_rollup_deltas`) counts, as the CaseRollups migration made it:
 * `n` cases, the cases counting in each measure but `response_due` (a column named as the measure), the
 * valid cases already answered (`valid_answered`: the part of `response_due` that does not depend on the
 * time of the report), and the follow-up tallies' sums.
 */
export const ROLLUP_MEASURES = MEASURE_NAMES.filter((m): m is Exclude<Measure, 'response_due'> => m !== 'response_due');
export const ROLLUP_TALLIES: Record<Tally, string> = {
  followUps: 'follow_ups',
  followUpsResolved: 'follow_ups_resolved',
  followUpsSatisfied: 'follow_ups_satisfied',
  // Added by FairClocks (1796840000000).
  excusedFollowUps: 'excused_follow_ups',
  excusedResolved: 'excused_resolved',
  excusedSatisfied: 'excused_satisfied',
  bounces: 'return_count',
  flightMinutes: 'flight_minutes',
  pausedMinutes: 'paused_minutes',
};
export const VALID_ANSWERED = 'valid_answered';
/** Every counting column, in the order the migration made them. */
export const ROLLUP_COLUMNS = ['n', 'valid', VALID_ANSWERED, ...ROLLUP_MEASURES.filter((c) => c !== 'valid'), ...Object.values(ROLLUP_TALLIES)];
/** The bits of `measure_bits` each counted column needs all of. */
export const ROLLUP_MASKS: Record<string, number> = {
  ...Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, bitOf(m)])),
  [VALID_ANSWERED]: bitOf('valid') | bitOf('answered'),
};

/**
 * The rows each grouping reads (`dim`), and the level its rows are placed at: a case's grid (or its own unit
 * above grids) for grid and community, its community (or its own unit above communities) for the rest. A
 * subtree strictly below that level cannot be told apart in those rows: such reports read the cases.
 */
export const ROLLUP_DIMS: Record<GroupBy, { dim: number; placedAt: 'grid' | 'community' }> = {
  grid: { dim: 0, placedAt: 'grid' },
  community: { dim: 5, placedAt: 'grid' },
  department: { dim: 1, placedAt: 'community' },
  category: { dim: 2, placedAt: 'community' },
  channel: { dim: 3, placedAt: 'community' },
  worker: { dim: 4, placedAt: 'community' },
};

/** The sums of ROLLUP_COLUMNS over cases `c`, in their order: what the CaseRollups migration's triggers add per case. */
export function rollupSumsSql(): string {
  const tallies = Object.values(ROLLUP_TALLIES);
  return ROLLUP_COLUMNS.map((c) => {
    if (c === 'n') return 'COUNT(*)';
    if (tallies.includes(c)) return `SUM(c."${c}")`;
    return `SUM(CASE WHEN (c."measure_bits" & ${ROLLUP_MASKS[c]}) = ${ROLLUP_MASKS[c]} THEN 1 ELSE 0 END)`;
  }).join(', ');
}

/** A closure rollup row's key past (dim, month, place, value), and its sums. */
export const CLOSURE_KEY = ['dim', 'month', 'place_id', 'value', 'hours_bucket', 'workdays'];
export const CLOSURE_SUMS = ['n', 'on_time', 'hours_sum'];

/**
 * The closure rollups' rows of cases `c` (`from` names them), grouped by CLOSURE_KEY with their sums, over the
 * cases the ClosureRollups migration's triggers count: closed, with their hours known. `where` narrows them.
 */
export function closureRowsSql(key: { dim: string; month: string; place: string; value: string }, from: string, where = '1 = 1'): string {
  const onTime = ROLLUP_MASKS.closed_on_time;
  return (
    `SELECT ${key.dim}, ${key.month}, ${key.place}, ${key.value}, ${hoursBucketSql('c."close_hours"')}, COALESCE(c."close_workdays", -1), ` +
    `COUNT(*), SUM(CASE WHEN (c."measure_bits" & ${onTime}) = ${onTime} THEN 1 ELSE 0 END), SUM(c."close_hours") ` +
    `FROM ${from} WHERE (c."measure_bits" & ${ROLLUP_MASKS.closed}) <> 0 AND c."close_hours" IS NOT NULL AND ${where} GROUP BY 1, 2, 3, 4, 5, 6`
  );
}
