import { TERMINAL_STATUSES, type CaseStatus } from '../cases/case.constants.js';
import type { Action } from '../workflow/transitions.js';

/** GeoReport's two statuses: `closed` once nothing more will be done (closed, merged, rejected), else `open`. */
export const georeportStatus = (status: CaseStatus | string): 'open' | 'closed' => ((TERMINAL_STATUSES as readonly string[]).includes(status) ? 'closed' : 'open');

/**
 * The lifecycle step each timeline entry is, as FixMyStreet's `servicerequestupdates` carries it in `status`
 * (README "Open311 GeoReport v2" lists them). Only public entries are sent (public-timeline.ts): `return`,
 * `request_extension`, `approve_extension`, `contact`, `supervise` and `comment` are internal unless staff mark
 * them public.
 */
export const UPDATE_STATUS: Record<Action | 'create', string> = {
  create: 'open',
  dispatch: 'dispatched',
  accept: 'signed_for',
  handle_in_community: 'in_progress',
  contact: 'contacted',
  return: 'returned',
  request_extension: 'extension_requested',
  approve_extension: 'extended',
  reject_extension: 'extension_refused',
  supervise: 'supervised',
  reply: 'replied',
  close_directly: 'closed',
  follow_up: 'closed',
  reopen: 'reopened',
  merge: 'duplicate',
  reject: 'rejected',
  comment: 'note',
  request_pause: 'pause_requested',
  approve_pause: 'paused',
  reject_pause: 'pause_refused',
  resume: 'resumed',
  overrule_return: 'return_overruled',
  appeal: 'appealed',
  uphold_appeal: 'appeal_upheld',
  reject_appeal: 'appeal_rejected',
};

/** An entry's update status; a follow-up that found the resident unserved reopened the case (`to_status` in progress). */
export function updateStatus(action: string, toStatus: string): string {
  if (action === 'follow_up' && toStatus !== 'closed') return 'reopened';
  return UPDATE_STATUS[action as Action] ?? action;
}

/** Actions whose public text is a request's `status_notes`: what the unit answered, or why it was closed. */
export const STATUS_NOTE_ACTIONS: ReadonlySet<string> = new Set(['reply', 'close_directly', 'reject', 'merge']);
