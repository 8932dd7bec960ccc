import { bitOf, TALLIES, type Measure, type Tally } from '../../cases/case-measures.js';
import { ROLLUP_MASKS, ROLLUP_MEASURES, ROLLUP_TALLIES, VALID_ANSWERED } from './rollup-columns.js';
import type { RollupSums } from './rollup-reader.js';

/**
 * Valid and not answered, spelled as `idx_cases_unanswered`'s condition (literals, not parameters, or the
 * database cannot tell the partial index applies).
 */
export const UNANSWERED_VALID = `(c.measureBits & ${ROLLUP_MASKS[VALID_ANSWERED]}) = ${bitOf('valid')}`;

type Counts = Record<Measure | Tally | 'cases', number>;

/**
 * A report's counts per group from rollup sums, and per group the valid unanswered cases whose response
 * fell due by now: `response_due` is the valid answered ones (in the rollups) and those.
 */
export function countsFromRollups(sums: Map<number | null, RollupSums>, dueUnanswered: Map<number | null, number>): { key: number | null; counts: Counts }[] {
  const keys = new Set([...sums.keys(), ...dueUnanswered.keys()]);
  return [...keys].map((key) => {
    const s = sums.get(key) ?? {};
    const counts = { cases: s.n ?? 0 } as Counts;
    for (const m of ROLLUP_MEASURES) counts[m] = s[m] ?? 0;
    counts.response_due = (s[VALID_ANSWERED] ?? 0) + (dueUnanswered.get(key) ?? 0);
    for (const t of Object.keys(TALLIES) as Tally[]) counts[t] = s[ROLLUP_TALLIES[t]] ?? 0;
    return { key, counts };
  });
}
