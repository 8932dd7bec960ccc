/** The clock ledger of `GET /api/cases/:id/clocks`, and the one line each clock reads as (pure, tested). */
export type IntervalKind = 'counted' | 'paused' | 'extended' | 'returned';
export interface ClockLedger {
  limit: { amount: number; unit: 'hours' | 'workdays' } | null;
  startedAt: string | null;
  baseDueAt: string | null;
  dueAt: string | null;
  extendedBy: number;
  pausedBy: number;
  spent: number;
  intervals: { kind: IntervalKind; from: string; to: string | null }[];
  state: 'idle' | 'running' | 'paused' | 'overdue' | 'met' | 'missed' | 'stopped';
}
export type Ledger = Record<'signFor' | 'response' | 'resolve', ClockLedger>;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** 1 decimal, without a trailing .0 for whole amounts: 5, 2.5. */
const amount = (n: number) => String(Math.round(n * 10) / 10);

/**
 * "5 个工作日 + 延期 3 个工作日 − 挂起 2 个工作日 → 12月10日 24:00（已用 3 个工作日）": the limit, what extensions added and
 * pauses gave back, the due time that follows, and the time counted so far, each in the limit's unit.
 */
export function ledgerLine(c: ClockLedger, t: Translate, due: (iso: string) => string): string {
  if (!c.limit || !c.dueAt) return t('app.fair.ledger.none');
  const inUnit = (n: number) => t(`app.fair.ledger.${c.limit!.unit}`, { amount: amount(n) });
  return t('app.fair.ledger.line', {
    limit: inUnit(c.limit.amount),
    extended: c.extendedBy > 0 ? t('app.fair.ledger.extended', { amount: inUnit(c.extendedBy) }) : '',
    paused: c.pausedBy > 0 ? t('app.fair.ledger.paused', { amount: inUnit(c.pausedBy) }) : '',
    due: due(c.dueAt),
    spent: inUnit(c.spent),
  });
}

/** The intervals as shares of the span they cover, in order, for the thin bar under each line. */
export function ledgerBar(c: ClockLedger, now: number): { kind: IntervalKind; share: number }[] {
  if (!c.intervals.length) return [];
  const spans = c.intervals.map((i) => ({ kind: i.kind, from: Date.parse(i.from), to: i.to ? Date.parse(i.to) : now }));
  const start = Math.min(...spans.map((s) => s.from));
  const end = Math.max(...spans.map((s) => s.to));
  const total = Math.max(1, end - start);
  return spans.filter((s) => s.to > s.from).map((s) => ({ kind: s.kind, share: (s.to - s.from) / total }));
}
