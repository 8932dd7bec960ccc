import type { GroupBy } from '../groups.js';
import type { Measure, Tally } from '../../cases/case-measures.js';

/**
 * What a rollup row (`case_rollups`, `case_rollup_deltas`) counts, as the CaseRollups migration made it:
 * `n` cases, the cases counting in each measure (`valid_answered`: valid and already answered, the part of
 * `response_due` that does not depend on the time of the report), and the follow-up tallies' sums.
 */
export const ROLLUP_MEASURES: Record<Exclude<Measure, 'response_due'>, string> = {
  valid: 'valid',
  responded_on_time: 'responded_on_time',
  closed: 'closed',
  closed_on_time: 'closed_on_time',
  followed_up: 'followed_up',
  resolved: 'resolved',
  unresolved: 'unresolved',
  satisfied: 'satisfied',
  unsatisfied: 'unsatisfied',
  direct: 'direct',
  dispatched: 'dispatched',
  returned: 'returned',
  reopen_base: 'reopen_base',
  reopened: 'reopened',
  repeat: 'repeat',
};
export const ROLLUP_TALLIES: Record<Tally, string> = { followUps: 'follow_ups', followUpsResolved: 'follow_ups_resolved', followUpsSatisfied: 'follow_ups_satisfied' };
export const VALID_ANSWERED = 'valid_answered';
/** Every counting column, in the order the migration made them. */
export const ROLLUP_COLUMNS = ['n', 'valid', VALID_ANSWERED, ...Object.values(ROLLUP_MEASURES).filter((c) => c !== 'valid'), ...Object.values(ROLLUP_TALLIES)];

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
