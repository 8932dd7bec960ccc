/**
 * Closed cases summarised by closing time, as the closure rollups hold them (migration ClosureRollups):
 * hours in logarithmic buckets, bucket i holding (γ^(i−1), γ^i] with γ = 1.05, and working days exactly.
 * A value read back from its bucket (2γ^i / (γ + 1)) is within (γ − 1) / (γ + 1), under 2.5 %, of the true
 * one, and so is any percentile interpolated between two of them; counts, means and everything in working
 * days are exact.
 */
export const HOURS_GAMMA = 1.05;
/** The largest relative error of an hours percentile or maximum read from a sketch. */
export const HOURS_RELATIVE_ERROR = (HOURS_GAMMA - 1) / (HOURS_GAMMA + 1);
/** The bucket of zero hours (closed the moment it was received). */
export const ZERO_BUCKET = -32768;

/** A case's hours bucket in SQL, the same on both engines and as the migration's triggers compute it. */
export const hoursBucketSql = (column: string) => `(CASE WHEN ${column} <= 0 THEN ${ZERO_BUCKET} ELSE CAST(ceil(ln(${column}) / ln(${HOURS_GAMMA})) AS integer) END)`;

/** The hours a bucket stands for. */
export const bucketHours = (bucket: number) => (bucket === ZERO_BUCKET ? 0 : (2 * HOURS_GAMMA ** bucket) / (HOURS_GAMMA + 1));

export class ClosureSketch {
  closed = 0;
  onTime = 0;
  hoursSum = 0;
  readonly hours = new Map<number, number>();
  /** Working days → cases; cases closed without a working-day figure are not in it. */
  readonly workdays = new Map<number, number>();

  /** Adds `n` closed cases of one hours bucket and one working-day count (−1: none); negative figures take away cases added before. */
  add(row: { hoursBucket: number; workdays: number; n: number; onTime: number; hoursSum: number }): void {
    if (!row.n) return;
    this.closed += row.n;
    this.onTime += row.onTime;
    this.hoursSum += row.hoursSum;
    this.hours.set(row.hoursBucket, (this.hours.get(row.hoursBucket) ?? 0) + row.n);
    if (row.workdays >= 0) this.workdays.set(row.workdays, (this.workdays.get(row.workdays) ?? 0) + row.n);
  }

  merge(other: ClosureSketch): void {
    this.closed += other.closed;
    this.onTime += other.onTime;
    this.hoursSum += other.hoursSum;
    for (const [b, n] of other.hours) this.hours.set(b, (this.hours.get(b) ?? 0) + n);
    for (const [w, n] of other.workdays) this.workdays.set(w, (this.workdays.get(w) ?? 0) + n);
  }

  /** The figures of the closure-times report, the hours' within HOURS_RELATIVE_ERROR, null where nothing closed. */
  summary() {
    const hours = summarise(this.hours, bucketHours);
    const days = summarise(this.workdays, (w) => w);
    return {
      closed: this.closed,
      onTime: this.onTime,
      meanHours: this.closed ? this.hoursSum / this.closed : null,
      medianHours: hours?.median ?? null,
      p90Hours: hours?.p90 ?? null,
      maxHours: hours?.max ?? null,
      meanWorkdays: days?.mean ?? null,
      medianWorkdays: days?.median ?? null,
      p90Workdays: days?.p90 ?? null,
      maxWorkdays: days?.max ?? null,
    };
  }
}

/** Mean, continuous percentiles (linear interpolation between ranks, as `percentile_cont`) and maximum of a histogram. */
function summarise(histogram: Map<number, number>, valueOf: (key: number) => number) {
  const steps = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]).map(([k, n]) => ({ value: valueOf(k), n }));
  const count = steps.reduce((a, s) => a + s.n, 0);
  if (!count) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const s of steps) if ((seen += s.n) > rank) return s.value;
    return steps[steps.length - 1].value;
  };
  const percentile = (f: number) => {
    const h = f * (count - 1);
    const lo = at(Math.floor(h));
    return lo + (h - Math.floor(h)) * (at(Math.ceil(h)) - lo);
  };
  return { mean: steps.reduce((a, s) => a + s.value * s.n, 0) / count, median: percentile(0.5), p90: percentile(0.9), max: steps[steps.length - 1].value };
}
