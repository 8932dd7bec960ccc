import type { Case } from '../cases/case.entity.js';
import { SATISFACTIONS, SUPERVISE_LEVELS } from '../cases/case.constants.js';
import { fieldError, validationError, type FieldErrors } from '../common/errors.js';
import { text as message, words } from '../common/localize.js';
import { fairEffect, flightChanges } from './fair-effects.js';
import { nextStatus, type Action } from './transitions.js';

export const RETURN_REASONS = ['wrong_area', 'unclear_ownership', 'overlapping_duties', 'not_our_duty', 'other'] as const;

export interface ActionInput {
  note?: string;
  result?: string;
  reason?: string;
  departmentId?: number;
  assigneeId?: number | null;
  resolved?: boolean;
  satisfaction?: string;
  days?: number;
  level?: string;
  intoCaseId?: number;
  /** A knowledge-base article a consultation was answered with (`close_directly`). */
  articleId?: number;
  /** The day a pause is expected to end (`request_pause`), YYYY-MM-DD. */
  resumeOn?: string | null;
}

/** What an action writes: the case columns and the event's data. Lookups and clocks are handed in. */
/** A case's own columns (its relations are not written through actions). */
export type CaseChanges = Partial<Omit<Case, 'channel' | 'category' | 'gridUnit' | 'resident' | 'department' | 'assignee' | 'parentCase' | 'createdBy'>>;

export interface Effect {
  changes: CaseChanges;
  data: Record<string, unknown>;
}

export interface EffectContext {
  now: Date;
  /** Who acts: the one who signs for a case or takes it on becomes its assignee. */
  actorId: number | null;
  /** The sign-for due time of a dispatch made now. */
  signDueAt: () => Date;
  /** The resolution due time moved by N working days. */
  extendedDue: (days: number) => Date;
  timeZone: string;
  /** A clock's due time moved on by a pause from `from` to `to` (pause-shift.ts, in the clock's unit). */
  pausedDue: (clock: 'response' | 'resolve', due: Date, from: Date, to: Date) => Date;
  /** When a pause ends, if not now: the start of its resume date, when the system resumes it. */
  resumeAt?: Date;
  /** The end of the window to appeal a rating given (or an appeal rejected) now. */
  appealDue: () => Date;
  /** The rating an appeal is about (`appeal`: the last bad one; a ruling: the pending appeal's). */
  appealed?: { resolved: boolean; satisfaction: string } | null;
}

const text = (v: unknown, field: string, max = 5000): string => {
  if (typeof v !== 'string' || !v.trim()) throw fieldError(field, 'required');
  if (v.length > max) throw fieldError(field, 'maxLength', { max });
  return v.trim();
};

/**
 * Validates an action's fields and works out its effect on the case. Pure apart from the context. The
 * event data follows the replay rules of `seed/case-sim.ts` (`applyEvent`): a timeline replays to its case.
 * The response (响应) is the `contact` step alone; a closed case has answered the resident by its closing.
 */
export function effectOf(action: Action, c: Case, input: ActionInput, ctx: EffectContext): Effect {
  const effect = fairEffect(action, c, input, ctx) ?? lifecycleEffect(action, c, input, ctx);
  const to = effect.changes.status ?? c.status;
  // A pause asked for and not yet ruled on lapses when the case leaves the unit's hands.
  if (to !== 'in_progress' && c.pauseState === 'requested') Object.assign(effect.changes, { pauseState: null, resumeOn: null });
  Object.assign(effect.changes, flightChanges(c, to, ctx.now));
  return effect;
}

function lifecycleEffect(action: Action, c: Case, input: ActionInput, ctx: EffectContext): Effect {
  const { now } = ctx;
  const status = (rating?: { resolved: boolean; satisfaction: string }) => nextStatus(action, c.status, rating);
  switch (action) {
    case 'close_directly': {
      const result = text(input.result, 'result');
      // Closing answers the resident: the response is recorded, and stays so if the case is ever reopened.
      return { changes: { status: status(), closedAt: now, respondedAt: c.respondedAt ?? now, handledDirectly: true, result }, data: { result, ...(input.articleId ? { articleId: input.articleId } : {}) } };
    }
    case 'dispatch': {
      if (!Number.isInteger(input.departmentId)) throw fieldError('departmentId', 'departmentRequired');
      const signDueAt = ctx.signDueAt();
      return {
        changes: { status: status(), departmentId: input.departmentId!, assigneeId: input.assigneeId ?? null, dispatchedAt: now, signDueAt, acceptedAt: null },
        // From `returned`, a re-dispatch is the ruling that upholds the return.
        data: { departmentId: input.departmentId, assigneeId: input.assigneeId ?? null, signDueAt, ...(c.status === 'returned' ? { upholdsReturn: true } : {}) },
      };
    }
    case 'accept':
      return { changes: { status: status(), acceptedAt: now, assigneeId: c.assigneeId ?? ctx.actorId }, data: {} };
    case 'handle_in_community':
      return { changes: { status: status(), departmentId: null, acceptedAt: now, assigneeId: ctx.actorId }, data: {} };
    case 'return': {
      if (!RETURN_REASONS.includes(input.reason as never)) throw fieldError('reason', 'oneOf', { values: words('returnReason', RETURN_REASONS) });
      return { changes: { status: status(), returnCount: c.returnCount + 1, assigneeId: null }, data: { reason: input.reason, departmentId: c.departmentId } };
    }
    case 'contact':
      return { changes: { respondedAt: c.respondedAt ?? now }, data: {} };
    case 'reply': {
      const result = text(input.result, 'result');
      return { changes: { status: status(), repliedAt: now, result }, data: { result } };
    }
    case 'follow_up': {
      const errors: FieldErrors = {};
      if (typeof input.resolved !== 'boolean') errors.resolved = message('boolean');
      if (!SATISFACTIONS.includes(input.satisfaction as never)) errors.satisfaction = message('oneOf', { values: words('satisfaction', SATISFACTIONS) });
      if (Object.keys(errors).length) throw validationError(errors);
      const rating = { resolved: input.resolved!, satisfaction: input.satisfaction! };
      const to = status(rating);
      const base = {
        resolved: rating.resolved,
        satisfaction: rating.satisfaction as Case['satisfaction'],
        status: to,
        followUps: c.followUps + 1,
        followUpsResolved: c.followUpsResolved + (rating.resolved ? 1 : 0),
        followUpsSatisfied: c.followUpsSatisfied + (rating.satisfaction === 'unsatisfied' ? 0 : 1),
      };
      if (to === 'closed') return { changes: { ...base, closedAt: now, respondedAt: c.respondedAt ?? now }, data: rating };
      // An unsatisfied or unresolved rating opens the unit's window to appeal it (unless one is already being ruled on).
      const appeal: CaseChanges = c.appealState === 'pending' ? {} : { appealDueAt: ctx.appealDue(), appealState: null, appealLevel: 0 };
      return { changes: { ...base, ...appeal, reopenCount: c.reopenCount + 1, repliedAt: null }, data: { ...rating, reopened: true } };
    }
    case 'reopen':
      return { changes: { status: status(), reopenCount: c.reopenCount + 1, closedAt: null, repliedAt: null }, data: { reason: text(input.reason, 'reason', 500) } };
    case 'request_extension': {
      if (!Number.isInteger(input.days) || input.days! < 1 || input.days! > 60) throw fieldError('days', 'extensionDays', { min: 1, max: 60 });
      return { changes: { extensionDaysPending: input.days! }, data: { days: input.days, reason: text(input.reason, 'reason', 500) } };
    }
    case 'approve_extension': {
      const days = c.extensionDaysPending!;
      const resolveDueAt = ctx.extendedDue(days);
      return { changes: { extensionDaysPending: null, resolveDueAt }, data: { days, resolveDueAt, previousDueAt: c.resolveDueAt } };
    }
    case 'reject_extension':
      return { changes: { extensionDaysPending: null }, data: { days: c.extensionDaysPending } };
    case 'supervise': {
      if (!SUPERVISE_LEVELS.includes(input.level as never)) throw fieldError('level', 'oneOf', { values: words('superviseLevel', SUPERVISE_LEVELS) });
      return { changes: { superviseLevel: input.level as Case['superviseLevel'] }, data: { level: input.level } };
    }
    case 'merge': {
      if (!Number.isInteger(input.intoCaseId)) throw fieldError('intoCaseId', 'intoCaseRequired');
      if (input.intoCaseId === c.id) throw fieldError('intoCaseId', 'caseItself');
      return { changes: { status: status(), parentCaseId: input.intoCaseId! }, data: { parentCaseId: input.intoCaseId } };
    }
    case 'reject':
      return { changes: { status: status() }, data: { reason: text(input.reason, 'reason', 500) } };
    case 'comment':
      text(input.note, 'note');
      return { changes: {}, data: {} };
    default:
      throw new Error(`no effect for ${action}`);
  }
}
