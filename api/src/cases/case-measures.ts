/**
 * What supervisors measure (DOMAIN.md), each as the set of cases it counts: one SQL condition per measure
 * on the cases alias `c`. The reports count them and the case list filters by them (`measure`), so every
 * figure drills into exactly the cases it is made of. `:measureNow` is the time the report is made.
 */
const VALID = `c.status NOT IN ('merged', 'rejected')`;
const CLOSED = `c.status = 'closed'`;
/** Contacted or closed: the response has happened (then it was due, whatever the time now). */
const ANSWERED = `(c.respondedAt IS NOT NULL OR c.closedAt IS NOT NULL)`;
const RESPONSE_DUE = `(${VALID} AND (c.responseDueAt <= :measureNow OR ${ANSWERED}))`;

export const MEASURES = {
  /** Requests that count: not merged into another, not rejected. */
  valid: VALID,
  /** Whose response (contacting the resident) was due by now, or has happened. */
  response_due: RESPONSE_DUE,
  /** Contacted (or closed) no later than the response due time. */
  responded_on_time: `(${VALID} AND COALESCE(c.respondedAt, c.closedAt) <= c.responseDueAt)`,
  closed: CLOSED,
  /** Closed no later than the resolution due time (as extended). */
  closed_on_time: `(${CLOSED} AND c.closedAt <= c.resolveDueAt)`,
  /** Followed up (回访) at least once. */
  followed_up: `(${VALID} AND c.followUps > 0)`,
  /** At least one follow-up answered resolved; `unresolved`: at least one answered not resolved. */
  resolved: `(${VALID} AND c.followUpsResolved > 0)`,
  unresolved: `(${VALID} AND c.followUpsResolved < c.followUps)`,
  /** At least one follow-up satisfied or basically satisfied; `unsatisfied`: at least one not. */
  satisfied: `(${VALID} AND c.followUpsSatisfied > 0)`,
  unsatisfied: `(${VALID} AND c.followUpsSatisfied < c.followUps)`,
  /** Handled on the spot (直接办理). */
  direct: `(${VALID} AND c.handledDirectly = :measureTrue)`,
  /** Sent to a responsible unit at least once (转交). */
  dispatched: `(${VALID} AND c.dispatchedAt IS NOT NULL)`,
  /** Sent back by a unit at least once (退单). */
  returned: `(${VALID} AND c.returnCount > 0)`,
  /** Came back to the resident's judgement: closed, or reopened at least once. */
  reopen_base: `(${VALID} AND (${CLOSED} OR c.reopenCount > 0))`,
  /** Reopened (重办) at least once, after an unsatisfied follow-up or by a supervisor. */
  reopened: `(${VALID} AND c.reopenCount > 0)`,
  /** The same reporter and category within the 30 days before (重复诉求). */
  repeat: `(${VALID} AND c.isRepeat = :measureTrue)`,
} as const;

export type Measure = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as Measure[];

/**
 * What reports count per case, one bit each: every measure that does not depend on the time the report is
 * made, and whether the response has happened. `response_due`, the one that does, is `valid` and
 * (answered, or the response due time passed by now): the report compares one column with now per case.
 */
export const BITS = [...MEASURE_NAMES.filter((m) => m !== 'response_due'), 'answered'] as const;
export type Bit = (typeof BITS)[number];
export const bitOf = (name: Bit): number => 1 << BITS.indexOf(name);

/**
 * The bits as one SQL expression over a row's own columns, for `cases.measure_bits`, which the database
 * keeps on every write, whoever writes: the measures above, in column names.
 */
export function measureBitsSql(kind: 'sqlite' | 'postgres', row = ''): string {
  const conditions: Record<Bit, string> = { ...(MEASURES as Record<Measure, string>), answered: ANSWERED } as Record<Bit, string>;
  return BITS.map((b) => `(CASE WHEN ${columnSql(conditions[b], kind, row)} THEN ${bitOf(b)} ELSE 0 END)`).join(' + ');
}

/** What a case just received counts in (valid, nothing else yet): the column's default. */
export const RECEIVED_BITS = bitOf('valid');

/**
 * A measure in the columns of the row itself: `c.closedAt` → `"closed_at"` (or `NEW."closed_at"` with
 * `row` = `NEW.`, for a trigger), `:measureTrue` → true.
 */
function columnSql(condition: string, kind: 'sqlite' | 'postgres', row: string): string {
  if (condition.includes(':measureNow')) throw new Error('a measure that depends on now cannot be stored');
  return condition
    .replace(/\bc\.([a-zA-Z]+)/g, (_, p: string) => `${row}"${p.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)}"`)
    .replaceAll(':measureTrue', kind === 'postgres' ? 'true' : '1');
}

/**
 * Sums of per-case counters: every follow-up is a rating, so a case reopened after an unsatisfied call and
 * then closed satisfied counts one unsatisfied and one satisfied follow-up.
 */
export const TALLIES = {
  followUps: 'c.followUps',
  followUpsResolved: 'c.followUpsResolved',
  followUpsSatisfied: 'c.followUpsSatisfied',
  // What upheld appeals took out of the three above (the adjusted rates subtract them; raw ones do not).
  excusedFollowUps: 'c.excusedFollowUps',
  excusedResolved: 'c.excusedResolved',
  excusedSatisfied: 'c.excusedSatisfied',
  /** 退单次数: every return counts (a case bounced three times, three). */
  bounces: 'c.returnCount',
  /** Minutes in flight (dispatched or returned, signed by nobody) and paused, as far as they have ended. */
  flightMinutes: 'c.flightMinutes',
  pausedMinutes: 'c.pausedMinutes',
} as const;
export type Tally = keyof typeof TALLIES;

/** The rates: numerator over denominator (measures or tallies); null when the denominator is empty. */
export const RATES = {
  responseRate: ['responded_on_time', 'response_due'],
  resolutionRate: ['followUpsResolved', 'followUps'],
  satisfactionRate: ['followUpsSatisfied', 'followUps'],
  onTimeRate: ['closed_on_time', 'closed'],
  directRate: ['direct', 'valid'],
  returnRate: ['returned', 'dispatched'],
  reopenRate: ['reopened', 'reopen_base'],
  repeatRate: ['repeat', 'valid'],
} as const satisfies Record<string, [Measure | Tally, Measure | Tally]>;

/** 综合评分 weights (DOMAIN.md defaults). */
export const SCORE_WEIGHTS = { response: 30, resolution: 35, satisfaction: 35 } as const;

export const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** The weighted score 0..100 over the rates that have a sample; null when none has. */
export function score(r: { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null }): number | null {
  const parts = [
    [r.responseRate, SCORE_WEIGHTS.response],
    [r.resolutionRate, SCORE_WEIGHTS.resolution],
    [r.satisfactionRate, SCORE_WEIGHTS.satisfaction],
  ].filter(([v]) => v !== null) as [number, number][];
  const weight = parts.reduce((a, [, w]) => a + w, 0);
  return weight ? (100 * parts.reduce((a, [v, w]) => a + v * w, 0)) / weight : null;
}

/** The columns the stored measures read: a change to any of them recomputes `measure_bits`. */
export const MEASURE_COLUMNS: readonly string[] = [...new Set([...measureBitsSql('sqlite').matchAll(/"([a-z_]+)"/g)].map((m) => m[1]))];

/**
 * SQLite: `SELECT <select> FROM (SELECT ? AS "c1", ? AS "c2", …)`, a row of bound values named as the
 * `columns`, over which `measureBitsSql` computes a row's bits before it is stored (intake, the generator):
 * the same expression as the triggers', no second copy of the measures. Null when a column the measures
 * read is not among them (it would take its default in the table: the trigger computes the bits then).
 */
export function overBoundRow(select: string, columns: readonly string[]): string | null {
  if (!MEASURE_COLUMNS.every((m) => columns.includes(m))) return null;
  return `SELECT ${select} FROM (SELECT ${columns.map((c) => `? AS "${c}"`).join(', ')})`;
}
