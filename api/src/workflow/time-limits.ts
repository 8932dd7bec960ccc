import { DateTime } from 'luxon';
import type { Priority } from '../cases/case.constants.js';
import type { ResolveUnit } from '../categories/category.entity.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';

/** A limit in calendar hours, or in working days (ending at 24:00 of the Nth working day). */
export interface Limit {
  amount: number;
  unit: ResolveUnit;
}

export interface LimitPolicy {
  signForHours: number | null;
  responseHours: number | null;
  resolveLimit: number | null;
  resolveUnit: ResolveUnit | null;
  urgentSignForHours: number | null;
  urgentResponseHours: number | null;
  urgentResolveHours: number | null;
}

/** Used where neither the category nor any ancestor says otherwise. */
export const DEFAULT_POLICY: Required<{ [K in keyof LimitPolicy]: NonNullable<LimitPolicy[K]> }> = {
  signForHours: 1,
  responseHours: 24,
  resolveLimit: 5,
  resolveUnit: 'workdays',
  urgentSignForHours: 0.5,
  urgentResponseHours: 2,
  urgentResolveHours: 24,
};

/** Merges a category's chain (itself first, then its ancestors), field by field, onto the defaults. */
export function effectivePolicy(chain: LimitPolicy[]): typeof DEFAULT_POLICY {
  const out = { ...DEFAULT_POLICY } as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_POLICY) as (keyof LimitPolicy)[]) {
    const found = chain.find((c) => c[key] !== null && c[key] !== undefined);
    if (found) out[key] = found[key];
  }
  // The resolve amount and its unit travel together: take both from the first level that sets the amount.
  const resolveOwner = chain.find((c) => c.resolveLimit !== null && c.resolveLimit !== undefined);
  if (resolveOwner) out.resolveUnit = resolveOwner.resolveUnit ?? 'workdays';
  return out as typeof DEFAULT_POLICY;
}

export interface ClockLimits {
  signFor: Limit;
  response: Limit;
  resolve: Limit;
}

export function limitsFor(policy: typeof DEFAULT_POLICY, priority: Priority): ClockLimits {
  if (priority === 'urgent') {
    return {
      signFor: { amount: policy.urgentSignForHours, unit: 'hours' },
      response: { amount: policy.urgentResponseHours, unit: 'hours' },
      resolve: { amount: policy.urgentResolveHours, unit: 'hours' },
    };
  }
  return {
    signFor: { amount: policy.signForHours, unit: 'hours' },
    response: { amount: policy.responseHours, unit: 'hours' },
    resolve: { amount: policy.resolveLimit, unit: policy.resolveUnit },
  };
}

/**
 * 办结用时 of a closed case: hours from receipt to closing, and working days counted as limits count them
 * (the working days after the day of receipt up to and including the day of closing: closed the same day
 * is 0, and a case within "N working days" took at most N).
 */
export function closureTimes(receivedAt: Date, closedAt: Date, calendar: WorkCalendar, timeZone: string) {
  const day = (t: Date) => DateTime.fromJSDate(t, { zone: timeZone }).toISODate()!;
  return { closeHours: (closedAt.getTime() - receivedAt.getTime()) / 3_600_000, closeWorkdays: calendar.workdaysBetween(day(receivedAt), day(closedAt)) };
}

/**
 * The closure columns as a case stands: set while it is closed, cleared otherwise (reopened). The hours are
 * ledger time: the time paused (挂起) is not counted (reports show it beside, from `pausedMinutes`).
 */
export function closureOf(c: { status: string; receivedAt: Date; closedAt: Date | null; pausedMinutes?: number }, calendar: WorkCalendar, timeZone: string) {
  if (c.status !== 'closed' || !c.closedAt) return { closeHours: null, closeWorkdays: null };
  const times = closureTimes(c.receivedAt, c.closedAt, calendar, timeZone);
  return { ...times, closeHours: Math.max(0, times.closeHours - (c.pausedMinutes ?? 0) / 60) };
}

/**
 * When a limit started at `start` ends. N hours end N hours later; N working days end at 24:00
 * (shown as 23:59:59.999) of the Nth working day after the day of the start, in the deployment's zone.
 */
export function dueAt(start: Date, limit: Limit, calendar: WorkCalendar, timeZone: string): Date {
  if (limit.unit === 'hours') return new Date(start.getTime() + Math.round(limit.amount * 3_600_000));
  return new Date(calendar.endOfWorkdays(DateTime.fromJSDate(start, { zone: timeZone }).toISODate()!, limit.amount, timeZone));
}
