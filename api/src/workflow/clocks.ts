import type { Case } from '../cases/case.entity.js';
import { OPEN_STATUSES, type DueState } from '../cases/case.constants.js';

const DAY_MS = 24 * 3_600_000;
type Clocked = Pick<Case, 'status' | 'signDueAt' | 'acceptedAt' | 'responseDueAt' | 'respondedAt' | 'resolveDueAt' | 'closedAt'>;

const isOpen = (c: Pick<Case, 'status'>) => OPEN_STATUSES.includes(c.status);
const late = (done: Date | null, due: Date | null, stillRunning: boolean, now: Date) =>
  !!due && (done ? done.getTime() > due.getTime() : stillRunning && now.getTime() > due.getTime());

/** The three clocks of DOMAIN.md: which have run out before their step happened. */
export function lateClocks(c: Clocked, now: Date) {
  return {
    signFor: late(c.acceptedAt, c.signDueAt, c.status === 'dispatched', now),
    // Closing a case (e.g. on the spot) answers the resident too.
    response: late(c.respondedAt ?? c.closedAt, c.responseDueAt, isOpen(c), now),
    resolve: late(c.closedAt, c.resolveDueAt, isOpen(c), now),
  };
}

export function isOverdue(c: Clocked, now: Date): boolean {
  const l = lateClocks(c, now);
  return l.signFor || l.response || l.resolve;
}

/** 红黄绿 of an open case against its resolution due time; null once it is no longer open. */
export function dueState(c: Pick<Case, 'status' | 'resolveDueAt'>, now: Date): DueState | null {
  if (!isOpen(c) || !c.resolveDueAt) return null;
  const left = c.resolveDueAt.getTime() - now.getTime();
  return left < 0 ? 'red' : left <= DAY_MS ? 'yellow' : 'green';
}

export const CLOCKS = ['signFor', 'response', 'resolve'] as const;
export type Clock = (typeof CLOCKS)[number];

/** The stored flag of each clock (columns kept by the workflow and the overdue scan). */
export const CLOCK_FLAG = { signFor: 'signOverdue', response: 'responseOverdue', resolve: 'resolveOverdue' } as const satisfies Record<Clock, keyof Case>;
/** The due time of each clock. */
export const CLOCK_DUE = { signFor: 'signDueAt', response: 'responseDueAt', resolve: 'resolveDueAt' } as const satisfies Record<Clock, keyof Case>;

export type OverdueFlags = Pick<Case, 'signOverdue' | 'responseOverdue' | 'resolveOverdue' | 'overdue'>;

/** The flags as they stand at `now`, and the clocks that went late since `before` was stored. */
export function overdueFlags(c: Clocked, now: Date, before?: Partial<OverdueFlags>): { flags: OverdueFlags; newlyLate: Clock[] } {
  const l = lateClocks(c, now);
  const flags = { signOverdue: l.signFor, responseOverdue: l.response, resolveOverdue: l.resolve, overdue: l.signFor || l.response || l.resolve };
  return { flags, newlyLate: CLOCKS.filter((k) => l[k] && !before?.[CLOCK_FLAG[k]]) };
}
