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

/**
 * The same test as `isOverdue`, in SQL, for the `overdue` list filter (`c` is the cases alias).
 * Comparisons with a missing time are NULL; COALESCE makes the whole test strictly true or false.
 */
export function overdueSql(open: string, now: string): string {
  return `COALESCE((
    (c.closedAt IS NOT NULL AND c.closedAt > c.resolveDueAt)
    OR (c.status IN (${open}) AND c.resolveDueAt < ${now})
    OR (COALESCE(c.respondedAt, c.closedAt) > c.responseDueAt)
    OR (c.respondedAt IS NULL AND c.status IN (${open}) AND c.responseDueAt < ${now})
    OR (c.acceptedAt IS NOT NULL AND c.acceptedAt > c.signDueAt)
    OR (c.status = 'dispatched' AND c.signDueAt < ${now})
  ), FALSE)`;
}
