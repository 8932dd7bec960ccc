import type { CaseStatus } from '../cases/case.constants.js';
import { OPEN_STATUSES } from '../cases/case.constants.js';
import type { Role } from '../users/user.entity.js';

/**
 * The lifecycle of DOMAIN.md as data: one row per action. The single source for the actions endpoint,
 * the console's buttons and the documentation. Pure: no database, no clock.
 */
export const ACTIONS = [
  'close_directly',
  'dispatch',
  'accept',
  'handle_in_community',
  'return',
  'contact',
  'reply',
  'follow_up',
  'reopen',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'supervise',
  'merge',
  'reject',
  'comment',
  'request_pause',
  'approve_pause',
  'reject_pause',
  'resume',
  'overrule_return',
  'appeal',
  'uphold_appeal',
  'reject_appeal',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who acts, in the terms of DOMAIN.md; mapped to roles and relations to the case by the policy. */
/** `reviewer`: the second level that rules on an appeal a supervisor rejected (admins). */
export type Actor = 'intake' | 'handler' | 'supervisor' | 'viewer' | 'reviewer';

export interface FieldSpec {
  name: string;
  type: 'text' | 'department' | 'user' | 'reason' | 'boolean' | 'satisfaction' | 'days' | 'level' | 'case' | 'pauseReason' | 'appealReason' | 'date';
  required: boolean;
}

export interface Transition {
  action: Action;
  from: readonly CaseStatus[];
  /**
   * The status after the action; `same` keeps it; `follow_up` decides by the rating; an overruled return
   * goes back to where the unit had it (`back`: in progress if signed for, else dispatched).
   */
  to: CaseStatus | 'same' | 'by_rating' | 'back';
  actors: readonly Actor[];
  fields: readonly FieldSpec[];
  /** Chinese label (the console translates by action name; this is for the API and documentation). */
  label: string;
}

const text = (name: string, required = true): FieldSpec => ({ name, type: 'text', required });
/** A rating can be contested while the case is open again (an unsatisfied one reopens it) or after it closed. */
const RATED: readonly CaseStatus[] = [...OPEN_STATUSES, 'closed'];
const ANY: readonly CaseStatus[] = ['received', 'dispatched', 'in_progress', 'returned', 'replied', 'closed', 'merged', 'rejected'];

export const TRANSITIONS: Record<Action, Transition> = {
  close_directly: { action: 'close_directly', from: ['received'], to: 'closed', actors: ['intake'], fields: [text('result')], label: '直接办结' },
  dispatch: { action: 'dispatch', from: ['received', 'returned'], to: 'dispatched', actors: ['intake', 'supervisor'], fields: [{ name: 'departmentId', type: 'department', required: true }, { name: 'assigneeId', type: 'user', required: false }], label: '派单' },
  accept: { action: 'accept', from: ['dispatched'], to: 'in_progress', actors: ['handler'], fields: [], label: '签收' },
  handle_in_community: { action: 'handle_in_community', from: ['received'], to: 'in_progress', actors: ['intake'], fields: [], label: '社区自办' },
  return: { action: 'return', from: ['dispatched', 'in_progress'], to: 'returned', actors: ['handler'], fields: [{ name: 'reason', type: 'reason', required: true }], label: '退单' },
  contact: { action: 'contact', from: ['dispatched', 'in_progress'], to: 'same', actors: ['handler'], fields: [], label: '联系群众' },
  reply: { action: 'reply', from: ['in_progress'], to: 'replied', actors: ['handler'], fields: [text('result')], label: '答复' },
  follow_up: { action: 'follow_up', from: ['replied'], to: 'by_rating', actors: ['intake'], fields: [{ name: 'resolved', type: 'boolean', required: true }, { name: 'satisfaction', type: 'satisfaction', required: true }], label: '回访' },
  reopen: { action: 'reopen', from: ['closed'], to: 'in_progress', actors: ['supervisor'], fields: [text('reason')], label: '重办' },
  request_extension: { action: 'request_extension', from: ['dispatched', 'in_progress'], to: 'same', actors: ['handler'], fields: [{ name: 'days', type: 'days', required: true }, text('reason')], label: '延期申请' },
  approve_extension: { action: 'approve_extension', from: ['dispatched', 'in_progress'], to: 'same', actors: ['supervisor'], fields: [], label: '批准延期' },
  reject_extension: { action: 'reject_extension', from: ['dispatched', 'in_progress'], to: 'same', actors: ['supervisor'], fields: [], label: '驳回延期' },
  supervise: { action: 'supervise', from: OPEN_STATUSES, to: 'same', actors: ['supervisor'], fields: [{ name: 'level', type: 'level', required: true }], label: '督办' },
  merge: { action: 'merge', from: ['received', 'dispatched', 'in_progress', 'returned'], to: 'merged', actors: ['intake', 'supervisor'], fields: [{ name: 'intoCaseId', type: 'case', required: true }], label: '并案' },
  reject: { action: 'reject', from: ['received'], to: 'rejected', actors: ['intake'], fields: [text('reason')], label: '不予受理' },
  comment: { action: 'comment', from: ANY, to: 'same', actors: ['intake', 'handler', 'supervisor', 'viewer'], fields: [], label: '备注' },
  request_pause: {
    action: 'request_pause',
    from: ['in_progress'],
    to: 'same',
    actors: ['handler'],
    fields: [{ name: 'reason', type: 'pauseReason', required: true }, { name: 'resumeOn', type: 'date', required: false }],
    label: '申请挂起',
  },
  approve_pause: { action: 'approve_pause', from: ['in_progress'], to: 'same', actors: ['supervisor'], fields: [], label: '批准挂起' },
  reject_pause: { action: 'reject_pause', from: ['in_progress'], to: 'same', actors: ['supervisor'], fields: [], label: '驳回挂起' },
  resume: { action: 'resume', from: ['in_progress'], to: 'same', actors: ['handler', 'supervisor'], fields: [], label: '恢复办理' },
  // A return waits for a ruling: `dispatch` upholds it (to the unit the ruling names), this sends it back.
  overrule_return: { action: 'overrule_return', from: ['returned'], to: 'back', actors: ['supervisor'], fields: [text('note')], label: '驳回退单' },
  appeal: { action: 'appeal', from: RATED, to: 'same', actors: ['handler'], fields: [{ name: 'reason', type: 'appealReason', required: true }, text('note')], label: '申诉' },
  uphold_appeal: { action: 'uphold_appeal', from: RATED, to: 'same', actors: ['supervisor'], fields: [], label: '申诉成立' },
  reject_appeal: { action: 'reject_appeal', from: RATED, to: 'same', actors: ['supervisor'], fields: [], label: '驳回申诉' },
};

/** Where an action leads from a status; `follow_up` reopens when the resident is not served. */
export function nextStatus(action: Action, from: CaseStatus, rating?: { resolved: boolean; satisfaction: string }, signedFor = false): CaseStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(from)) throw new IllegalTransition(action, from);
  if (t.to === 'same') return from;
  if (t.to === 'back') return signedFor ? 'in_progress' : 'dispatched';
  if (t.to === 'by_rating') return rating && rating.resolved && rating.satisfaction !== 'unsatisfied' ? 'closed' : 'in_progress';
  return t.to;
}

/** Actions the status allows, before asking who is acting. */
export const actionsFrom = (status: CaseStatus): Action[] => ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));

export class IllegalTransition extends Error {
  constructor(
    readonly action: Action,
    readonly status: CaseStatus,
  ) {
    super(`"${action}" is not allowed on a case that is ${status}; allowed: ${actionsFrom(status).join(', ') || 'none'}`);
  }
}

export const ROLE_ACTORS: Record<Role, readonly Actor[]> = {
  admin: ['intake', 'handler', 'supervisor', 'viewer', 'reviewer'],
  supervisor: ['supervisor', 'viewer'],
  dispatcher: ['intake', 'viewer'],
  grid_worker: ['intake', 'viewer'],
  handler: ['handler', 'viewer'],
};
