import type { Role } from '../users/user.entity.js';

/** A to-do bucket: a name and the case-list filter behind it (scope is added by the list itself). */
export interface TodoBucket {
  key: string;
  filter: Record<string, unknown>;
}

// `open`: the open cases, or those of one open status: the list then reads the small index of open cases
// (idx_cases_open), which serves every column the console sorts by (case-list.ts).
const B = {
  to_sign: { key: 'to_sign', filter: { open: 'dispatched' } },
  to_reply: { key: 'to_reply', filter: { open: 'in_progress' } },
  overdue: { key: 'overdue', filter: { open: true, overdue: true } },
  extension_pending: { key: 'extension_pending', filter: { extensionPending: true } },
  to_handle: { key: 'to_handle', filter: { open: 'received' } },
  returned: { key: 'returned', filter: { open: 'returned' } },
  to_follow_up: { key: 'to_follow_up', filter: { open: 'replied' } },
  in_community: { key: 'in_community', filter: { open: 'in_progress', departmentId: null } },
  extensions: { key: 'extensions', filter: { extensionPending: true } },
  supervised: { key: 'supervised', filter: { open: true, superviseLevel: ['yellow', 'red'] } },
  pause_requests: { key: 'pause_requests', filter: { pauseState: 'requested' } },
  paused: { key: 'paused', filter: { pauseState: 'paused' } },
  appeals: { key: 'appeals', filter: { appealState: 'pending' } },
  bounced: { key: 'bounced', filter: { bounced: true } },
} satisfies Record<string, TodoBucket>;

/**
 * What waits on each role (我的待办): a handler signs for and replies to their unit's cases, with the ones a
 * supervisor pressed (督办, yellow or red card) in a bucket of their own; intake staff handle new cases,
 * re-dispatch returned ones, follow up replied ones and finish what the community took on itself; a supervisor
 * rules on extensions, pauses, returns and appeals and watches the bounced, the late and the supervised.
 */
export const TODO_BUCKETS: Record<Role, TodoBucket[]> = {
  handler: [B.to_sign, B.to_reply, B.supervised, B.overdue, B.extension_pending, B.paused],
  dispatcher: [B.to_handle, B.returned, B.to_follow_up, B.in_community, B.overdue],
  grid_worker: [B.to_handle, B.returned, B.to_follow_up, B.in_community, B.overdue],
  supervisor: [B.extensions, B.pause_requests, B.returned, B.appeals, B.bounced, B.overdue, B.supervised],
  admin: [B.to_handle, B.returned, B.to_follow_up, B.extensions, B.appeals, B.overdue],
};
