import { TIME_ZONE } from './period';

/** How report figures are written: one decimal everywhere, and an em dash where there is nothing to measure. */
export const NONE = '—';

/** 11/05 00:34: when a request came in, as hot spots and the watch list show it, in the city's zone. */
export const shortTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: TIME_ZONE, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Halves round up, as people round by hand (toFixed alone turns 87.65 into "87.6" when the float is 87.6499…). */
const round1 = (x: number) => (Math.round(x * 10 + 1e-9) / 10).toFixed(1);

/** A fraction 0..1 as a percentage with one decimal: 0.8765 → "87.7%"; null (nothing was due) → "—". */
export const percent = (rate: number | null | undefined) => (finite(rate) ? `${round1(rate * 100)}%` : NONE);

/** Hours (or working days) with one decimal: 26.25 → "26.3"; no closed case → "—". */
export const oneDecimal = (value: number | null | undefined) => (finite(value) ? round1(value) : NONE);

/** The composite score, 0..100, with one decimal. */
export const score = oneDecimal;

/** A count; a missing one is "—", never 0 (0 is a real answer). */
export const count = (value: number | null | undefined) => (finite(value) ? String(value) : NONE);

/** Below this many cases a rate is shown, but marked as resting on too few cases to compare. */
export const SMALL_SAMPLE = 10;
export const isSmallSample = (n: number | null | undefined) => !finite(n) || n < SMALL_SAMPLE;

/** Sorting a column: nulls ("—") always last, whichever the direction; text in the locale's order. */
export function compareValues(a: unknown, b: unknown, order: 'asc' | 'desc'): number {
  const aNone = a === null || a === undefined;
  const bNone = b === null || b === undefined;
  if (aNone || bNone) return aNone === bNone ? 0 : aNone ? 1 : -1;
  const sign = order === 'asc' ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * String(a).localeCompare(String(b), 'zh-Hans-CN');
}

const SEP = ' / ';

/**
 * Group names without the path they all share: grids of one community read "第二片区 / 6号网格", not
 * "火车站街道 / 黄河路社区 / 第二片区 / 6号网格" nine times over. The last segment always stays.
 */
export function withoutCommonPath(names: readonly (string | null)[]): (string | null)[] {
  const split = names.map((n) => (n === null ? null : n.split(SEP)));
  const paths = split.filter((p): p is string[] => p !== null);
  if (paths.length < 2) return [...names];
  let common = 0;
  while (paths.every((p) => common < p.length - 1 && p[common] === paths[0][common])) common++;
  return split.map((p) => (p === null ? null : p.slice(common).join(SEP)));
}

/** Rows with their names shortened by `withoutCommonPath`, the full name kept for a tooltip. */
export function shortenNames<R extends { name: string | null }>(rows: readonly R[]): (R & { fullName: string | null })[] {
  const short = withoutCommonPath(rows.map((r) => r.name));
  return rows.map((r, i) => ({ ...r, name: short[i], fullName: r.name }));
}
