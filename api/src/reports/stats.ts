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
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { mean: null, median: null, p90: null, max: null };
  // A typed array sorts numbers natively: a month of a city's closures (80,000) in a few milliseconds.
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: sum / sorted.length, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted[sorted.length - 1] };
}
