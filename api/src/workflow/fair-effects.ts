import { DateTime } from 'luxon';
import type { Case } from '../cases/case.entity.js';
import { APPEAL_REASONS, PAUSE_REASONS } from '../cases/case.constants.js';
import { fieldError } from '../common/errors.js';
import { words } from '../common/localize.js';
import type { ActionInput, CaseChanges, Effect, EffectContext } from './effects.js';

const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
const requiredText = (v: unknown, field: string, max: number): string => {
  if (typeof v !== 'string' || !v.trim()) throw fieldError(field, 'required');
  if (v.length > max) throw fieldError(field, 'maxLength', { max });
  return v.trim();
};

/** `resumeOn`: a calendar date from today to a year ahead, in the deployment's zone; absent or null for none. */
function resumeDate(v: unknown, ctx: EffectContext): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw fieldError('resumeOn', 'date');
  const d = DateTime.fromISO(v, { zone: ctx.timeZone });
  if (!d.isValid) throw fieldError('resumeOn', 'invalidDate');
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone }).startOf('day');
  if (d < today) throw fieldError('resumeOn', 'notBefore', { other: today.toISODate()! });
  if (d > today.plus({ days: 366 })) throw fieldError('resumeOn', 'notAfter', { other: today.plus({ days: 366 }).toISODate()! });
  return v;
}

/**
 * The end of a pause (by the handler, the supervisor or the date): the clocks that were running when it began
 * move on by what it took (pause-shift.ts); the response clock only if nobody had answered the resident before it.
 */
export function resumeEffect(c: Case, ctx: EffectContext): Effect {
  const from = c.pausedAt!;
  const to = ctx.resumeAt ?? ctx.now;
  const shifted: Record<string, { from: Date; to: Date }> = {};
  const changes: CaseChanges = { pauseState: null, pausedAt: null, resumeOn: null, pausedMinutes: c.pausedMinutes + minutesBetween(from, to) };
  const responseRan = !(c.respondedAt && c.respondedAt.getTime() <= from.getTime());
  if (responseRan) {
    changes.responseDueAt = ctx.pausedDue('response', c.responseDueAt, from, to);
    shifted.response = { from: c.responseDueAt, to: changes.responseDueAt };
  }
  changes.resolveDueAt = ctx.pausedDue('resolve', c.resolveDueAt, from, to);
  shifted.resolve = { from: c.resolveDueAt, to: changes.resolveDueAt };
  return { changes, data: { pausedFrom: from, pausedTo: to, minutes: minutesBetween(from, to), shifted } };
}

/** The pause, return-ruling and appeal actions (DOMAIN.md "Pauses, returns, appeals"); null for the others. */
export function fairEffect(action: string, c: Case, input: ActionInput, ctx: EffectContext): Effect | null {
  switch (action) {
    case 'request_pause': {
      if (!PAUSE_REASONS.includes(input.reason as never)) throw fieldError('reason', 'oneOf', { values: words('pauseReason', PAUSE_REASONS) });
      const resumeOn = resumeDate(input.resumeOn, ctx);
      return { changes: { pauseState: 'requested', resumeOn }, data: { reason: input.reason, resumeOn } };
    }
    case 'approve_pause':
      return { changes: { pauseState: 'paused', pausedAt: ctx.now }, data: { resumeOn: c.resumeOn } };
    case 'reject_pause':
      return { changes: { pauseState: null, resumeOn: null }, data: { resumeOn: c.resumeOn } };
    case 'resume':
      return resumeEffect(c, ctx);
    case 'overrule_return': {
      requiredText(input.note, 'note', 5000);
      return { changes: { status: c.acceptedAt ? 'in_progress' : 'dispatched' }, data: { departmentId: c.departmentId } };
    }
    case 'appeal': {
      if (!APPEAL_REASONS.includes(input.reason as never)) throw fieldError('reason', 'oneOf', { values: words('appealReason', APPEAL_REASONS) });
      requiredText(input.note, 'note', 5000);
      const level = c.appealLevel + 1;
      return { changes: { appealState: 'pending', appealLevel: level }, data: { reason: input.reason, level, rating: ctx.appealed } };
    }
    case 'uphold_appeal': {
      const rating = ctx.appealed;
      const resolved = rating?.resolved ? 1 : 0;
      const satisfied = rating && rating.satisfaction !== 'unsatisfied' ? 1 : 0;
      return {
        changes: { appealState: 'upheld', appealDueAt: null, excusedFollowUps: c.excusedFollowUps + 1, excusedResolved: c.excusedResolved + resolved, excusedSatisfied: c.excusedSatisfied + satisfied },
        data: { level: c.appealLevel, rating },
      };
    }
    case 'reject_appeal': {
      // After a first-level rejection the unit may take it once to the second level, within a new window.
      const appealDueAt = c.appealLevel < 2 ? ctx.appealDue() : null;
      return { changes: { appealState: 'rejected', appealDueAt }, data: { level: c.appealLevel, appealDueAt } };
    }
    default:
      return null;
  }
}

const inFlight = (s: string) => s === 'dispatched' || s === 'returned';

/**
 * Time in flight, kept across every action: a stretch starts when a case is sent to a unit from elsewhere and
 * ends when someone signs for it (or it leaves the units: merged, closed, taken on by the community).
 */
export function flightChanges(c: Case, to: string, now: Date): CaseChanges {
  if (!inFlight(c.status) && inFlight(to)) return { flightSince: now };
  if (inFlight(c.status) && !inFlight(to)) {
    const since = c.flightSince ?? c.dispatchedAt ?? now;
    return { flightSince: null, flightMinutes: c.flightMinutes + minutesBetween(since, now) };
  }
  return {};
}
