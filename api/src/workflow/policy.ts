import type { AuthUser } from '../auth/auth-user.js';
import type { Case } from '../cases/case.entity.js';
import { ACTIONS, ROLE_ACTORS, TRANSITIONS, type Action, type Actor } from './transitions.js';

/**
 * Who may take an action on a case the user can already see (scope is applied when the case is read).
 * A handler acts on the cases of their own unit; when the community handles a case itself (no unit),
 * its intake staff act as the handler.
 */
export function actsAs(user: AuthUser, c: Pick<Case, 'departmentId'>): Set<Actor> {
  const actors = new Set<Actor>(ROLE_ACTORS[user.role]);
  if (user.role === 'handler' && c.departmentId !== user.departmentId) actors.delete('handler');
  if ((user.role === 'dispatcher' || user.role === 'grid_worker') && c.departmentId === null) actors.add('handler');
  return actors;
}

/** What the gates read: the case's own columns, and whether its community rules on its own returns. */
export type Gate = Pick<Case, 'status' | 'departmentId' | 'extensionDaysPending' | 'pauseState' | 'appealState' | 'appealLevel' | 'appealDueAt'> & { rulesReturns?: boolean };

/**
 * Who may take the action on this case: the transition table's actors, except where the case decides. A return
 * is ruled on (upheld by a re-dispatch, or overruled) by a supervisor, or by the community's own intake staff where
 * it rules itself; a second-level appeal is reviewed by an admin.
 */
function actorsFor(action: Action, c: Gate): readonly Actor[] {
  if (action === 'overrule_return' || (action === 'dispatch' && c.status === 'returned')) return c.rulesReturns ? ['intake', 'supervisor'] : ['supervisor'];
  if ((action === 'uphold_appeal' || action === 'reject_appeal') && c.appealLevel >= 2) return ['reviewer'];
  return TRANSITIONS[action].actors;
}

/** Conditions beyond status and role: what is pending, whether the clocks stand still, the appeal window. */
function gateOpen(action: Action, c: Gate, now: Date): boolean {
  const paused = c.pauseState === 'paused';
  switch (action) {
    case 'request_extension':
      return c.extensionDaysPending === null && !paused;
    case 'approve_extension':
    case 'reject_extension':
      return c.extensionDaysPending !== null;
    // A case the community handles itself has no unit to send it back from; a paused one is resumed first.
    case 'return':
      return c.departmentId !== null && !paused;
    case 'reply':
    case 'merge':
      return !paused;
    case 'request_pause':
      return c.pauseState === null;
    case 'approve_pause':
    case 'reject_pause':
      return c.pauseState === 'requested';
    case 'resume':
      return paused;
    // One appeal at a time; after a first-level rejection one more, to the second level; none once upheld.
    case 'appeal':
      return !!c.appealDueAt && now.getTime() <= c.appealDueAt.getTime() && c.appealState !== 'pending' && c.appealState !== 'upheld' && c.appealLevel < 2;
    case 'uphold_appeal':
    case 'reject_appeal':
      return c.appealState === 'pending';
    default:
      return true;
  }
}

export function allowedActions(user: AuthUser, c: Gate, now = new Date()): Action[] {
  const actors = actsAs(user, c);
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(c.status) && gateOpen(a, c, now) && actorsFor(a, c).some((x) => actors.has(x)));
}

/** Why an action is refused: the status (409) or the person (403). */
export function refusal(user: AuthUser, c: Gate, action: Action, now = new Date()): 'status' | 'role' | null {
  if (!TRANSITIONS[action].from.includes(c.status) || !gateOpen(action, c, now)) return 'status';
  const actors = actsAs(user, c);
  return actorsFor(action, c).some((x) => actors.has(x)) ? null : 'role';
}
