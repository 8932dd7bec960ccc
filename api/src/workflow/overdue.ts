import type { CaseStatus } from '../cases/case.constants.js';
import type { CaseEvent } from '../cases/case-event.entity.js';
import type { Case } from '../cases/case.entity.js';
import { CLOCK_DUE, overdueFlags, type Clock, type OverdueFlags } from './clocks.js';

/** The timeline entry written once when a clock runs out before its step happened (actor: the system). */
export function overdueEvent(caseId: number, status: CaseStatus, clock: Clock, dueAt: Date | null, at: Date): Partial<CaseEvent> {
  return { caseId, action: 'overdue', fromStatus: status, toStatus: status, actorId: null, note: null, data: { clock, dueAt }, createdAt: at };
}

/**
 * What a write does to the overdue flags: the case as it will be (`after`) is judged at `now`; the flags
 * are stored as they stand, and each clock that went late since the stored flags gets its event.
 */
export function lateness(before: Partial<OverdueFlags>, after: Parameters<typeof overdueFlags>[0] & Pick<Case, 'id'>, now: Date) {
  const { flags, newlyLate } = overdueFlags(after, now, before);
  return { flags, events: newlyLate.map((k) => overdueEvent(after.id, after.status, k, after[CLOCK_DUE[k]], now)) };
}
