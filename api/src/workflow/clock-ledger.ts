import { DateTime } from 'luxon';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { ResolveUnit } from '../categories/category.entity.js';
import { movedDue, pauseAllowance } from './pause-shift.js';
import type { ClockLimits, Limit } from './time-limits.js';
import type { Clock } from './clocks.js';

/** One entry of the timeline as the ledger reads it (times as Dates or ISO text). */
export interface LedgerEvent {
  action: string;
  toStatus: string;
  createdAt: Date | string;
  data: Record<string, unknown> | null;
}

export type IntervalKind = 'counted' | 'paused' | 'extended' | 'returned';
export interface Interval {
  kind: IntervalKind;
  from: Date;
  to: Date | null;
}
export type ClockState = 'idle' | 'running' | 'paused' | 'overdue' | 'met' | 'missed' | 'stopped';

export interface ClockLedger {
  limit: Limit | null;
  startedAt: Date | null;
  /** The due time the limit gave at the start; `dueAt` is it moved by the extensions and pauses below. */
  baseDueAt: Date | null;
  dueAt: Date | null;
  /** In the limit's unit (hours, or working days). */
  extendedBy: number;
  pausedBy: number;
  spent: number;
  intervals: Interval[];
  state: ClockState;
}

export interface LedgerInput {
  events: readonly LedgerEvent[];
  limits: ClockLimits;
  calendar: WorkCalendar;
  timeZone: string;
  now: Date;
}

const at = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const OPEN = ['received', 'dispatched', 'in_progress', 'returned', 'replied'];

/** One clock followed through the timeline: when it runs, stands still, is extended, and where its due time goes. */
class Track {
  readonly intervals: Interval[] = [];
  startedAt: Date | null = null;
  baseDueAt: Date | null = null;
  dueAt: Date | null = null;
  extendedBy = 0;
  pausedBy = 0;
  runningSince: Date | null = null;
  stoppedAt: Date | null = null;
  kind: 'counted' | 'returned' = 'counted';

  constructor(
    readonly unit: ResolveUnit,
    private readonly input: LedgerInput,
  ) {}

  start(t: Date, due: Date | null) {
    this.startedAt = t;
    this.baseDueAt = due;
    this.dueAt = due;
    this.run(t, 'counted');
  }
  run(t: Date, kind: 'counted' | 'returned' = this.kind) {
    if (this.runningSince && kind === this.kind) return;
    this.stop(t);
    this.kind = kind;
    this.runningSince = t;
  }
  stop(t: Date) {
    if (!this.runningSince) return;
    this.intervals.push({ kind: this.kind, from: this.runningSince, to: t });
    this.runningSince = null;
    this.stoppedAt = t;
  }
  extend(due: Date) {
    if (!this.dueAt) return;
    this.intervals.push({ kind: 'extended', from: this.dueAt, to: due });
    this.extendedBy += this.unit === 'hours' ? (due.getTime() - this.dueAt.getTime()) / 3_600_000 : this.input.calendar.workdaysBetween(this.day(this.dueAt), this.day(due));
    this.dueAt = due;
  }
  pause(from: Date, to: Date | null) {
    this.intervals.push({ kind: 'paused', from, to });
    if (!to || !this.dueAt) return;
    const { calendar, timeZone } = this.input;
    const allowance = pauseAllowance(this.unit, from, to, calendar, timeZone);
    this.pausedBy += allowance;
    this.dueAt = movedDue(this.dueAt, this.unit, allowance, calendar, timeZone);
  }
  day(t: Date) {
    return DateTime.fromJSDate(t, { zone: this.input.timeZone }).toISODate()!;
  }
  /** Time counted: the running stretches (returned ones too: the resident is still waiting) less the pauses in them. */
  spent(now: Date): number {
    const runs = this.intervals.filter((i) => i.kind === 'counted' || i.kind === 'returned').map((i) => [i.from.getTime(), (i.to ?? now).getTime()]);
    if (this.runningSince) runs.push([this.runningSince.getTime(), now.getTime()]);
    const pauses = this.intervals.filter((i) => i.kind === 'paused').map((i) => [i.from.getTime(), (i.to ?? now).getTime()]);
    const overlaps = runs.flatMap(([a, b]) => pauses.map(([p, q]) => [Math.max(a, p), Math.min(b, q)]).filter(([x, y]) => y > x));
    if (this.unit === 'hours') {
      const ms = (list: number[][]) => list.reduce((sum, [a, b]) => sum + (b - a), 0);
      return Math.max(0, ms(runs) - ms(overlaps)) / 3_600_000;
    }
    const days = (list: number[][]) => list.reduce((sum, [a, b]) => sum + this.input.calendar.workdaysBetween(this.day(new Date(a)), this.day(new Date(b))), 0);
    return Math.max(0, days(runs) - days(overlaps));
  }
}

/**
 * The clock ledger of a case (CONTRACT.md `GET /api/cases/:id/clocks`), replayed from its timeline: the due times
 * the limits gave at the start (as intake and dispatch recorded them), moved by each approved extension and each
 * pause, by the same rules the actions apply (pause-shift.ts): so `dueAt` here is what the case holds.
 */
export function clockLedger(input: LedgerInput): Record<Clock, ClockLedger> {
  const { events, limits, now } = input;
  const sign = new Track('hours', input);
  const response = new Track(limits.response.unit, input);
  const resolve = new Track(limits.resolve.unit, input);
  let status = 'received';
  let pausedFrom: Date | null = null;
  let respondedAt: Date | null = null;
  let signed = false;
  for (const e of events) {
    const t = at(e.createdAt);
    const d = e.data ?? {};
    switch (e.action) {
      case 'create':
        response.start(t, d.responseDueAt ? at(d.responseDueAt) : null);
        resolve.start(t, d.resolveDueAt ? at(d.resolveDueAt) : null);
        break;
      case 'dispatch':
        // Each dispatch starts a new sign-for clock (the stretches of the earlier ones stay listed).
        sign.stop(t);
        signed = false;
        sign.start(t, d.signDueAt ? at(d.signDueAt) : null);
        break;
      case 'approve_extension':
        if (d.days) resolve.extend(movedDue(resolve.dueAt!, 'workdays', Number(d.days), input.calendar, input.timeZone));
        break;
      case 'approve_pause':
        pausedFrom = t;
        break;
      case 'resume': {
        const from = d.pausedFrom ? at(d.pausedFrom) : (pausedFrom ?? t);
        const to = d.pausedTo ? at(d.pausedTo) : t;
        // As the action did: the response clock gives back the pause unless the resident was answered before it.
        if (!respondedAt || respondedAt > from) response.pause(from, to);
        resolve.pause(from, to);
        pausedFrom = null;
        break;
      }
    }
    // Where the status leads: who is running, and in which kind of stretch.
    const to = e.toStatus;
    if (e.action === 'accept') signed = true;
    if ((e.action === 'contact' || to === 'closed') && !respondedAt) {
      response.stop(t);
      respondedAt = t;
    }
    if (status !== to) {
      if (to === 'returned') {
        for (const k of [sign, response, resolve]) if (k.runningSince) k.run(t, 'returned');
      } else if (status === 'returned') {
        for (const k of [response, resolve]) if (k.runningSince) k.run(t, 'counted');
        if (to === 'dispatched' && sign.runningSince) sign.run(t, 'counted');
      }
      if (!OPEN.includes(to)) {
        resolve.stop(t);
        response.stop(t);
      }
      else if (!OPEN.includes(status)) resolve.run(t, 'counted'); // reopened
      if (to !== 'dispatched' && to !== 'returned') sign.stop(t);
      status = to;
    }
    if (signed) sign.stop(t);
  }
  if (pausedFrom) {
    if (!respondedAt) response.pause(pausedFrom, null);
    resolve.pause(pausedFrom, null);
  }
  const ledger = (k: Track, limit: Limit | null, finished: boolean): ClockLedger => {
    const running = !!k.runningSince;
    const end = running ? now : (k.stoppedAt ?? now);
    let state: ClockState;
    if (!k.startedAt) state = 'idle';
    else if (running && pausedFrom && k !== sign) state = 'paused';
    else if (running) state = k.dueAt && now > k.dueAt ? 'overdue' : 'running';
    else if (!finished) state = 'stopped';
    else state = k.dueAt && end > k.dueAt ? 'missed' : 'met';
    return { limit: k.startedAt ? limit : null, startedAt: k.startedAt, baseDueAt: k.baseDueAt, dueAt: k.dueAt, extendedBy: k.extendedBy, pausedBy: k.pausedBy, spent: k.spent(now), intervals: k.intervals.concat(running ? [{ kind: k.kind, from: k.runningSince!, to: null }] : []), state };
  };
  return {
    signFor: ledger(sign, limits.signFor, signed),
    response: ledger(response, limits.response, !!respondedAt),
    resolve: ledger(resolve, limits.resolve, status === 'closed'),
  };
}
