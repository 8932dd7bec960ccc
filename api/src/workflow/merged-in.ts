import type { CaseEvent } from '../cases/case-event.entity.js';
import type { Case } from '../cases/case.entity.js';
import type { AuthUser } from '../auth/auth-user.js';
import { maskPhone } from '../common/privacy.js';

/**
 * The surviving case's side of a merge (`merged_in`): which case joined it and who reported that one, so
 * whoever calls back from the survivor knows the reporters it now answers. The phone is kept masked: a
 * timeline is read by every role that sees the case; the full number stays on the merged case itself.
 */
export function mergedInEvent(merged: Case, survivor: Case, user: AuthUser, at: Date): Partial<CaseEvent> {
  return {
    caseId: survivor.id,
    action: 'merged_in',
    fromStatus: survivor.status,
    toStatus: survivor.status,
    actorId: user.id,
    note: null,
    data: { caseId: merged.id, number: merged.number, reporterName: merged.reporterName, reporterPhone: maskPhone(merged.reporterPhone) },
    createdAt: at,
  };
}
