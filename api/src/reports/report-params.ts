import { DateTime } from 'luxon';
import type { AuthUser } from '../auth/auth-user.js';
import { fieldError, forbidden, validationError } from '../common/errors.js';
import { text, words } from '../common/localize.js';
import { inScope } from '../common/scope.js';
import { GROUP_BYS, type GroupBy } from './groups.js';

/** What every report is asked for: a period of days (cases received in it), a subtree, a grouping. */
export interface ReportParams {
  from: string;
  to: string;
  /** The period as instants: [start, end). */
  start: Date;
  end: Date;
  unitId: number | null;
  unitPath: string | null;
  groupBy: GroupBy;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 3 * 366;
export const DEFAULT_DAYS = 30;

function day(raw: unknown, field: string, timeZone: string): DateTime | undefined {
  if (raw === undefined || raw === '') return undefined;
  const d = typeof raw === 'string' && DATE.test(raw) ? DateTime.fromISO(raw, { zone: timeZone }) : null;
  if (!d?.isValid) throw fieldError(field, 'date');
  return d;
}

/**
 * Reads `from`, `to` (inclusive local dates; default the last 30 days through today), `unitId` (a unit in
 * the user's scope; default the scope itself) and `groupBy`. Bad input is a 400 naming the field.
 */
export async function parseReportParams(
  q: Record<string, unknown>,
  ctx: { timeZone: string; now: Date; user: AuthUser; pathOf: (id: number) => Promise<string | null> },
): Promise<ReportParams> {
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone }).startOf('day');
  const to = day(q.to, 'to', ctx.timeZone) ?? today;
  const from = day(q.from, 'from', ctx.timeZone) ?? to.minus({ days: DEFAULT_DAYS - 1 });
  if (from > to) throw validationError({ from: text('notAfter', { other: words('field', 'to') }) });
  if (to.diff(from, 'days').days > MAX_DAYS) throw validationError({ from: text('periodTooLong', { max: MAX_DAYS }) });
  const groupBy = (q.groupBy ?? 'community') as GroupBy;
  if (!GROUP_BYS.includes(groupBy)) throw fieldError('groupBy', 'oneOf', { values: words('field', GROUP_BYS) });
  let unitId: number | null = null;
  let unitPath: string | null = null;
  if (q.unitId !== undefined && q.unitId !== '') {
    unitId = Number(q.unitId);
    unitPath = Number.isSafeInteger(unitId) ? await ctx.pathOf(unitId) : null;
    if (!unitPath) throw fieldError('unitId', 'notGridUnit', { value: String(q.unitId) });
    if (!inScope(ctx.user, unitPath)) throw forbidden('outOfScope');
  }
  return {
    from: from.toISODate()!,
    to: to.toISODate()!,
    start: from.startOf('day').toJSDate(),
    end: to.plus({ days: 1 }).startOf('day').toJSDate(),
    unitId,
    unitPath,
    groupBy,
  };
}

/** The case-list filter for the period and subtree (bare dates mean whole local days there too). */
export const periodFilter = (p: Pick<ReportParams, 'from' | 'to' | 'unitId'>) => ({ receivedAt_gte: p.from, receivedAt_lte: p.to, ...(p.unitId !== null ? { unitId: p.unitId } : {}) });
