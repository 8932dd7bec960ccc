import type { RateRow } from './api';
import { isSmallSample } from './format';

interface Scored {
  /** null for the cases with no such group (no unit, no handler): not a unit, so never ranked. */
  key?: unknown;
  score: number | null;
  valid: number;
}

export type Ranked = RateRow & { rank: number | null };

const rankable = (r: Scored) => r.key !== null && r.score !== null && !isSmallSample(r.valid);

/**
 * The ranking: groups with at least SMALL_SAMPLE valid cases by score, best first (ties share a rank); a group with
 * fewer keeps its score on show but takes no rank, so 2 lucky cases do not top 200. The unassigned row
 * ("(未指定)") is no unit and takes no rank either.
 */
export function rankRows<R extends Scored>(rows: readonly R[]): (R & { rank: number | null })[] {
  const scores = rows.filter(rankable).map((r) => r.score as number);
  return rows.map((r) => ({ ...r, rank: rankable(r) ? scores.filter((s) => s > (r.score as number)).length + 1 : null }));
}

/**
 * Where the score axis starts: 10 points below the lowest score shown, down to a multiple of 10 (never below 0,
 * never above 90), so that 79 and 100 are bars of clearly different length rather than two near-full ones.
 */
export function scoreAxisMin(scores: readonly number[]): number {
  if (!scores.length) return 0;
  const lowest = Math.min(...scores);
  return Math.min(90, Math.max(0, Math.floor((lowest - 5) / 10) * 10));
}
