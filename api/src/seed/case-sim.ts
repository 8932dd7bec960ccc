/**
 * A generated case and its timeline. Every change of the case goes through `act`, which appends the
 * event and applies it with `applyEvent`: the case's fields are, by construction, what replaying its
 * events gives. Times are epoch milliseconds here; the writer turns them into Dates.
 *
 * What each action does to the case (the replay rules; `data` is stored on the event):
 * - create: status received; the case's due times are in data (as intake records them).
 * - close_directly {result}: closed, handledDirectly, result, closedAt (and respondedAt, if nobody had answered).
 * - dispatch {departmentId, assigneeId?, signDueAt}: dispatched to the unit (and the person, when named); dispatchedAt,
 *   signDueAt; acceptedAt cleared.
 * - accept: in_progress; acceptedAt; the actor becomes the assignee unless the dispatch named one.
 * - handle_in_community: in_progress without a unit (departmentId null); acceptedAt; the actor is the assignee.
 * - return {reason, departmentId}: returned; returnCount + 1; assignee cleared (the unit stays recorded).
 * - contact: same status; respondedAt is the first contact.
 * - reply {result}: replied; result, repliedAt.
 * - follow_up {resolved, satisfaction}: counted (followUps, followUpsResolved, followUpsSatisfied); resolved and satisfied/basically satisfied → closed (closedAt);
 *   otherwise back to in_progress, reopenCount + 1, repliedAt cleared.
 * - reopen {reason}: in_progress; reopenCount + 1; closedAt and repliedAt cleared.
 * - request_extension {days, reason}: extensionDaysPending = days.
 * - approve_extension {days, resolveDueAt}: resolveDueAt moves; nothing pending. reject_extension {days}: nothing pending.
 * - supervise {level}: superviseLevel.
 * - merge {parentCaseId}: merged into the parent. reject {reason}: rejected.
 * - overdue {clock, dueAt} (the system) and attach {attachmentId, …}: nothing a person acts on; no version step.
 * - merged_in {caseId, number, reporterName, reporterPhone} on the surviving case of a merge: likewise.
 * - request_pause {reason, resumeOn}: pauseState requested, resumeOn. approve_pause: paused since then (pausedAt).
 *   reject_pause: nothing pending. resume {pausedFrom, pausedTo, minutes, shifted: {response?, resolve}}: the due
 *   times as shifted, pausedMinutes + minutes, nothing paused. Leaving in_progress drops a pause asked for.
 * - overrule_return: back to the unit (the status says where). dispatch from returned upholds the return.
 * - appeal {reason, level}: appealState pending, appealLevel = level. uphold_appeal {rating}: upheld, the rating's
 *   counts excused. reject_appeal {appealDueAt}: rejected.
 * - Time in flight (every action): a stretch from entering dispatched/returned from elsewhere to leaving them.
 */
import type { CaseStatus, CaseType, Priority, Satisfaction, SuperviseLevel } from '../cases/case.constants.js';
import { CLOCK_DUE, overdueFlags } from '../workflow/clocks.js';
import type { SeedClock } from './clock.js';

export interface SimEvent {
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actorId: number | null;
  note: string | null;
  data: Record<string, unknown> | null;
  at: number;
}

/** The case row, times as epoch ms; `number` and the parent's id are filled in by the writer. */
export interface CaseFields {
  title: string;
  description: string;
  type: CaseType;
  channelId: number;
  categoryId: number;
  gridUnitId: number;
  unitPath: string;
  communityId: number | null;
  gridId: number | null;
  priority: Priority;
  residentId: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  residentTags: string[];
  keyPopulation: boolean;
  receivedAt: number;
  status: CaseStatus;
  departmentId: number | null;
  assigneeId: number | null;
  handledDirectly: boolean;
  signDueAt: number | null;
  responseDueAt: number;
  resolveDueAt: number;
  dispatchedAt: number | null;
  acceptedAt: number | null;
  respondedAt: number | null;
  repliedAt: number | null;
  closedAt: number | null;
  result: string | null;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
  superviseLevel: SuperviseLevel | null;
  parentCaseId: number | null;
  reopenCount: number;
  returnCount: number;
  extensionDaysPending: number | null;
  signOverdue: boolean;
  responseOverdue: boolean;
  resolveOverdue: boolean;
  overdue: boolean;
  closeHours: number | null;
  closeWorkdays: number | null;
  isRepeat: boolean;
  followUps: number;
  followUpsResolved: number;
  followUpsSatisfied: number;
  createdById: number | null;
  version: number;
  updatedAt: number;
  /** Time in flight (dispatched or returned, signed by nobody): the current stretch's start and the minutes so far. */
  flightSince: number | null;
  flightMinutes: number;
  // Pauses and appeals: replayed (the workflow property test), never generated, so absent from generated rows.
  pauseState?: 'requested' | 'paused' | null;
  pausedAt?: number | null;
  resumeOn?: string | null;
  pausedMinutes?: number;
  appealState?: 'pending' | 'upheld' | 'rejected' | null;
  appealLevel?: number;
  excusedFollowUps?: number;
  excusedResolved?: number;
  excusedSatisfied?: number;
}

/** Filled with the database id once the case is written; merges point at these. `seq` numbers the cases of one run in order of receipt. */
export interface CaseRef {
  id: number | null;
  readonly seq: number;
}

/** Events that record something without changing what a person acts on (no version step). */
export const SYSTEM_EVENTS: readonly string[] = ['overdue', 'attach', 'merged_in'];

const inFlight = (s: string | null) => s === 'dispatched' || s === 'returned';

export function applyEvent(c: CaseFields, e: SimEvent): void {
  const d = e.data ?? {};
  if (!inFlight(c.status) && inFlight(e.toStatus)) c.flightSince = e.at;
  if (inFlight(c.status) && !inFlight(e.toStatus)) {
    c.flightMinutes += Math.max(0, Math.round((e.at - (c.flightSince ?? c.dispatchedAt ?? e.at)) / 60_000));
    c.flightSince = null;
  }
  if (e.toStatus !== 'in_progress' && c.pauseState === 'requested') Object.assign(c, { pauseState: null, resumeOn: null });
  c.status = e.toStatus;
  // The system's overdue marks and added files change no field a person acts on: the version stays.
  if (!SYSTEM_EVENTS.includes(e.action)) c.version += 1;
  c.updatedAt = e.at;
  switch (e.action) {
    case 'close_directly':
      c.handledDirectly = true;
      c.result = d.result as string;
      c.closedAt = e.at;
      c.respondedAt ??= e.at;
      break;
    case 'dispatch':
      c.departmentId = d.departmentId as number;
      c.dispatchedAt = e.at;
      c.signDueAt = Date.parse(d.signDueAt as string);
      c.acceptedAt = null;
      c.assigneeId = (d.assigneeId as number | undefined) ?? null;
      break;
    case 'accept':
      c.acceptedAt = e.at;
      c.assigneeId ??= e.actorId;
      break;
    case 'handle_in_community':
      c.departmentId = null;
      c.acceptedAt = e.at;
      c.assigneeId = e.actorId;
      break;
    case 'return':
      c.returnCount += 1;
      c.assigneeId = null;
      break;
    case 'contact':
      c.respondedAt ??= e.at;
      break;
    case 'reply':
      c.result = d.result as string;
      c.repliedAt = e.at;
      break;
    case 'follow_up':
      c.resolved = d.resolved as boolean;
      c.satisfaction = d.satisfaction as Satisfaction;
      c.followUps += 1;
      if (c.resolved) c.followUpsResolved += 1;
      if (c.satisfaction !== 'unsatisfied') c.followUpsSatisfied += 1;
      if (e.toStatus === 'closed') {
        c.closedAt = e.at;
        c.respondedAt ??= e.at;
      }
      else {
        // 重办: the unit's reply did not serve the resident; it must reply again.
        c.reopenCount += 1;
        c.repliedAt = null;
        // A new window to appeal the rating (replayed cases only: generated ones carry no appeal columns).
        if ('appealLevel' in c && c.appealState !== 'pending') Object.assign(c, { appealState: null, appealLevel: 0 });
      }
      break;
    case 'reopen':
      c.reopenCount += 1;
      c.closedAt = null;
      c.repliedAt = null;
      break;
    case 'request_extension':
      c.extensionDaysPending = d.days as number;
      break;
    case 'approve_extension':
      c.resolveDueAt = Date.parse(d.resolveDueAt as string);
      c.extensionDaysPending = null;
      break;
    case 'reject_extension':
      c.extensionDaysPending = null;
      break;
    case 'supervise':
      c.superviseLevel = d.level as SuperviseLevel;
      break;
    case 'merge':
      c.parentCaseId = (d.parentCaseId as number | null) ?? null;
      break;
    default:
      applyFairEvent(c, e.action, d, e.at);
  }
}

/** The replay rules of pauses and appeals (workflow/fair-effects.ts). */
function applyFairEvent(c: CaseFields, action: string, d: Record<string, unknown>, at: number): void {
  const rating = d.rating as { resolved: boolean; satisfaction: string } | null | undefined;
  switch (action) {
    case 'request_pause':
      Object.assign(c, { pauseState: 'requested', resumeOn: (d.resumeOn as string | null) ?? null });
      break;
    case 'approve_pause':
      Object.assign(c, { pauseState: 'paused', pausedAt: at });
      break;
    case 'reject_pause':
      Object.assign(c, { pauseState: null, resumeOn: null });
      break;
    case 'resume': {
      const shifted = d.shifted as Record<string, { to: string }>;
      if (shifted.response) c.responseDueAt = Date.parse(shifted.response.to);
      c.resolveDueAt = Date.parse(shifted.resolve.to);
      Object.assign(c, { pauseState: null, pausedAt: null, resumeOn: null, pausedMinutes: (c.pausedMinutes ?? 0) + Number(d.minutes) });
      break;
    }
    case 'appeal':
      Object.assign(c, { appealState: 'pending', appealLevel: d.level as number });
      break;
    case 'uphold_appeal':
      c.appealState = 'upheld';
      c.excusedFollowUps = (c.excusedFollowUps ?? 0) + 1;
      c.excusedResolved = (c.excusedResolved ?? 0) + (rating?.resolved ? 1 : 0);
      c.excusedSatisfied = (c.excusedSatisfied ?? 0) + (rating && rating.satisfaction !== 'unsatisfied' ? 1 : 0);
      break;
    case 'reject_appeal':
      c.appealState = 'rejected';
      break;
  }
}

/** An event's data, or a function of the event's final time for data that depends on it (a due time). */
export type EventData = Record<string, unknown> | null | ((at: number) => Record<string, unknown>);

/** Events are at least this far apart, so that a timeline reads in order. */
const MIN_GAP = 30_000;

export class CaseSim {
  readonly events: SimEvent[] = [];
  readonly ref: CaseRef;
  number = '';
  /** For a merge: the surviving case. */
  parent: CaseRef | null = null;
  /** Set once a step would happen after `now`: the case stays as it is, and later steps are skipped. */
  stopped = false;

  constructor(
    readonly fields: CaseFields,
    private readonly now: number,
    createData: Record<string, unknown>,
    seq = 0,
  ) {
    this.ref = { id: null, seq };
    this.events.push({ action: 'create', fromStatus: null, toStatus: 'received', actorId: fields.createdById, note: null, data: createData, at: fields.receivedAt });
  }

  get status(): CaseStatus {
    return this.fields.status;
  }

  get last(): number {
    return this.events[this.events.length - 1].at;
  }

  /** Appends an event at `at` (or just after the previous one); false, and stopped, when that is after now. */
  act(action: string, at: number, actorId: number | null, toStatus: CaseStatus | null, data: EventData = null, note: string | null = null): boolean {
    if (this.stopped) return false;
    const time = Math.max(Math.floor(at / 1000) * 1000, this.last + MIN_GAP);
    if (time > this.now) {
      this.stopped = true;
      return false;
    }
    const e: SimEvent = { action, fromStatus: this.fields.status, toStatus: toStatus ?? this.fields.status, actorId, note, data: typeof data === 'function' ? data(time) : data, at: time };
    this.events.push(e);
    applyEvent(this.fields, e);
    return true;
  }

  /**
   * The closure times of a closed case, and what the overdue scan would have written by now: one `overdue` event per clock that ran out before its
   * step (at its due time, to the second), in its place on the timeline, and the flags.
   */
  settle(clock: SeedClock): void {
    const f = this.fields;
    if (f.status === 'closed' && f.closedAt !== null) {
      f.closeHours = (f.closedAt - f.receivedAt) / 3_600_000;
      f.closeWorkdays = clock.workdaysBetween(f.receivedAt, f.closedAt);
    }
    const d = (t: number | null) => (t === null ? null : new Date(t));
    // Only what the clocks read: copying the whole case for them cost more than the rest of settling.
    const clocked = { status: f.status, signDueAt: d(f.signDueAt), acceptedAt: d(f.acceptedAt), responseDueAt: d(f.responseDueAt)!, respondedAt: d(f.respondedAt), resolveDueAt: d(f.resolveDueAt)!, closedAt: d(f.closedAt) };
    const { flags, newlyLate } = overdueFlags(clocked, new Date(this.now));
    Object.assign(f, flags);
    for (const clock of newlyLate) {
      const due = f[CLOCK_DUE[clock]]!;
      let at = Math.min(Math.ceil(due / 1000) * 1000, Math.floor(this.now / 1000) * 1000);
      while (this.events.some((e) => e.at === at)) at -= 1000;
      const i = this.events.findIndex((e) => e.at > at);
      const pos = i === -1 ? this.events.length : i;
      const status = this.events[pos - 1].toStatus;
      this.events.splice(pos, 0, { action: 'overdue', fromStatus: status, toStatus: status, actorId: null, note: null, data: { clock, dueAt: new Date(due).toISOString() }, at });
    }
  }

  /** When it left the open statuses (closed, merged, rejected), or Infinity while open. */
  openUntil(): number {
    const s = this.fields.status;
    return s === 'closed' || s === 'merged' || s === 'rejected' ? this.last : Infinity;
  }
}
