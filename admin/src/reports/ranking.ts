import type { RateRow } from './api';
import { isSmallSample } from './format';

interface Scored {
  score: number | null;
  valid: number;
}

export type Ranked = RateRow & { rank: number | null };

/**
 * The ranking: groups with at least SMALL_SAMPLE valid cases by score, best first (ties share a rank); a group with
 * fewer keeps its score on show but takes no rank, so 2 lucky cases do not top 200.
 */
export function rankRows<R extends Scored>(rows: readonly R[]): (R & { rank: number | null })[] {
  const scores = rows.filter((r) => r.score !== null && !isSmallSample(r.valid)).map((r) => r.score as number);
  return rows.map((r) => ({ ...r, rank: r.score === null || isSmallSample(r.valid) ? null : scores.filter((s) => s > (r.score as number)).length + 1 }));
}
