/**
 * Drill-down: every figure in a report is a count of cases, and the case list can list exactly those cases.
 * A report row carries `filter` (its group's cases received in the period); a count adds the `measure` that names
 * which of those cases it counts (the API's case list understands both).
 */
export type CaseFilter = Record<string, unknown>;

/** Which measure a count field of a report row is made of (`cases` is the row's filter itself). */
export const MEASURE_OF = {
  cases: undefined,
  valid: 'valid',
  responseDue: 'response_due',
  respondedOnTime: 'responded_on_time',
  closed: 'closed',
  closedOnTime: 'closed_on_time',
  onTime: 'closed_on_time',
  followedUp: 'followed_up',
  unresolved: 'unresolved',
  unsatisfied: 'unsatisfied',
  // Tallies of follow-up calls: a case called back twice counts twice, so these drill into the cases with at least
  // one such call (the list may be shorter than the figure).
  followUps: 'followed_up',
  followUpsResolved: 'resolved',
  followUpsSatisfied: 'satisfied',
  direct: 'direct',
  dispatched: 'dispatched',
  returned: 'returned',
  reopenBase: 'reopen_base',
  reopened: 'reopened',
  repeat: 'repeat',
} as const;
export type CountField = keyof typeof MEASURE_OF;

/** Count fields that tally follow-up calls rather than cases. */
export const TALLY_FIELDS: ReadonlySet<CountField> = new Set(['followUps', 'followUpsResolved', 'followUpsSatisfied']);

/**
 * Each rate as numerator / denominator, both count fields of the same row. Resolution and satisfaction are rated
 * per follow-up call (a case reopened after an unsatisfied call and closed satisfied counts one of each).
 */
export const RATE_PARTS = {
  responseRate: ['respondedOnTime', 'responseDue'],
  resolutionRate: ['followUpsResolved', 'followUps'],
  satisfactionRate: ['followUpsSatisfied', 'followUps'],
  onTimeRate: ['closedOnTime', 'closed'],
  directRate: ['direct', 'valid'],
  returnRate: ['returned', 'dispatched'],
  reopenRate: ['reopened', 'reopenBase'],
  repeatRate: ['repeat', 'valid'],
} as const satisfies Record<string, readonly [CountField, CountField]>;
export type RateField = keyof typeof RATE_PARTS;

/** The filter narrowed to one measure; a filter that already names measures keeps them (all must hold). */
export function withMeasure(filter: CaseFilter, measure?: string): CaseFilter {
  if (!measure) return { ...filter };
  const had = filter.measure;
  const list = had === undefined ? [] : Array.isArray(had) ? had : [had];
  if (list.includes(measure)) return { ...filter };
  return { ...filter, measure: list.length ? [...list, measure] : measure };
}

/** The filter behind one count field of a report row. */
export const countFilter = (filter: CaseFilter, field: CountField) => withMeasure(filter, MEASURE_OF[field]);

/** The filter with one more equality (a channel, a category), for a row of a breakdown. */
export const narrow = (filter: CaseFilter, extra: CaseFilter): CaseFilter => ({ ...filter, ...extra });

/** A hot spot's cases, by their ids. */
export const idsFilter = (caseIds: readonly (number | string)[]): CaseFilter => ({ id: [...caseIds] });

/** The console address of the case list under a filter (react-admin reads `filter`, `sort` and `order` there). */
export function casesPath(filter: CaseFilter, sort?: { field: string; order: 'ASC' | 'DESC' }): string {
  const q = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort) {
    q.set('sort', sort.field);
    q.set('order', sort.order);
  }
  return `/cases?${q.toString()}`;
}

/** The query string of a report request: the same for the JSON, the .xlsx and the .csv. Empty values are left out. */
export function reportQuery(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}

/** The ids of a tree node and everything under it, from the materialized paths (`/1/5/12/`) the API keeps. */
export const subtreeIds = (nodes: readonly { id: number; path?: string | null }[], rootId: number): number[] =>
  nodes.filter((n) => n.id === rootId || (n.path ?? '').split('/').includes(String(rootId))).map((n) => n.id);

/**
 * The cases behind a hot topic of the daily report: that day's hotline and online cases (the channels of the
 * calls and online figures) under the topic's top-level category.
 */
export function hotTopicFilter(filters: { calls: CaseFilter; online: CaseFilter }, categoryIds: readonly number[]): CaseFilter {
  const channels = [filters.calls.channelId, filters.online.channelId].flatMap((c) => (c === undefined ? [] : Array.isArray(c) ? c : [c]));
  return { ...filters.calls, channelId: channels, categoryId: [...categoryIds] };
}
