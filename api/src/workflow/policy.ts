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

type Gate = Pick<Case, 'status' | 'departmentId' | 'extensionDaysPending'>;

/** Conditions beyond status and role: an extension can be ruled on only while one is pending. */
function gateOpen(action: Action, c: Gate): boolean {
  if (action === 'request_extension') return c.extensionDaysPending === null;
  // A case the community handles itself has no unit to send it back from.
  if (action === 'return') return c.departmentId !== null;
  if (action === 'approve_extension' || action === 'reject_extension') return c.extensionDaysPending !== null;
  return true;
}

export function allowedActions(user: AuthUser, c: Gate): Action[] {
  const actors = actsAs(user, c);
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(c.status) && gateOpen(a, c) && TRANSITIONS[a].actors.some((x) => actors.has(x)));
}

/** Why an action is refused: the status (409) or the person (403). */
export function refusal(user: AuthUser, c: Gate, action: Action): 'status' | 'role' | null {
  if (!TRANSITIONS[action].from.includes(c.status) || !gateOpen(action, c)) return 'status';
  const actors = actsAs(user, c);
  return TRANSITIONS[action].actors.some((x) => actors.has(x)) ? null : 'role';
}
