/** Summary statistics of a sample, as the closure-time report shows them. */
export interface Summary {
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * The p-th quantile (0..1) of ascending values by linear interpolation between the closest ranks
 * (PostgreSQL's percentile_cont, Excel's PERCENTILE.INC): the median of an even count is the mean of the
 * two middle values.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { mean: null, median: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  return { mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted[sorted.length - 1] };
}
