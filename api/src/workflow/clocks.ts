import type { Case } from '../cases/case.entity.js';
import { OPEN_STATUSES, type DueState } from '../cases/case.constants.js';

const DAY_MS = 24 * 3_600_000;
type Clocked = Pick<Case, 'status' | 'signDueAt' | 'acceptedAt' | 'responseDueAt' | 'respondedAt' | 'resolveDueAt' | 'closedAt'> &
  Partial<Pick<Case, 'pauseState' | 'pausedAt'>>;

const isOpen = (c: Pick<Case, 'status'>) => OPEN_STATUSES.includes(c.status);

/**
 * Whether a clock ran out: judged when its step happened, or now while it runs. While the case is paused the
 * clock stands at the pause's start (`stoppedAt`): a step taken during the pause, or none yet, is judged then;
 * the due time moves on when the pause ends.
 */
function late(done: Date | null, due: Date | null, running: boolean, now: Date, stoppedAt: Date | null = null): boolean {
  if (!due) return false;
  const at = stoppedAt && (!done || done.getTime() > stoppedAt.getTime()) ? stoppedAt : (done ?? (running ? now : null));
  return !!at && at.getTime() > due.getTime();
}

/** The three clocks of DOMAIN.md: which have run out before their step happened. */
export function lateClocks(c: Clocked, now: Date) {
  const stoppedAt = c.pauseState === 'paused' ? (c.pausedAt ?? null) : null;
  return {
    signFor: late(c.acceptedAt, c.signDueAt, c.status === 'dispatched', now),
    // Closing a case (e.g. on the spot) answers the resident too.
    response: late(c.respondedAt ?? c.closedAt, c.responseDueAt, isOpen(c), now, stoppedAt),
    resolve: late(c.closedAt, c.resolveDueAt, isOpen(c), now, stoppedAt),
  };
}

export function isOverdue(c: Clocked, now: Date): boolean {
  const l = lateClocks(c, now);
  return l.signFor || l.response || l.resolve;
}

type Badged = Clocked & Pick<Case, 'receivedAt' | 'dispatchedAt' | 'signOverdue' | 'responseOverdue' | 'resolveOverdue'>;

/**
 * 红黄绿 of an open case (DOMAIN.md), as the console's badge shows it (admin/src/cases/dueState.ts): red when any
 * clock ran out (a stored flag, or a running clock past due); yellow when a running clock has less than a quarter of
 * its limit or 24 hours left, whichever is less; green otherwise; null once the case is no longer open.
 */
export function dueState(c: Badged, now: Date): DueState | null {
  if (!isOpen(c)) return null;
  if (c.signOverdue || c.responseOverdue || c.resolveOverdue) return 'red';
  // 已挂起: the clocks stand still, nothing runs out.
  if (c.pauseState === 'paused') return 'paused';
  // Each running clock with the start of its limit: dispatch for sign-for, receipt for the others.
  const running: [Date | null, Date | null][] = [
    [c.status === 'dispatched' && !c.acceptedAt ? c.signDueAt : null, c.dispatchedAt],
    [c.respondedAt ? null : c.responseDueAt, c.receivedAt],
    [c.resolveDueAt, c.receivedAt],
  ];
  let state: DueState = 'green';
  for (const [due, start] of running) {
    if (!due) continue;
    const left = due.getTime() - now.getTime();
    if (left < 0) return 'red';
    const warn = start ? Math.min((due.getTime() - start.getTime()) / 4, DAY_MS) : DAY_MS;
    if (left < warn) state = 'yellow';
  }
  return state;
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
