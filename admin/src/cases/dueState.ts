/**
 * The deadline badge of a case (DOMAIN.md, time limits and clocks), as one pure rule for every place a case shows it:
 * an open case names its most urgent running clock (签收 / 响应 / 办结) and the time left, or the clocks that ran out;
 * a closed case says whether it closed on time; merged and rejected cases carry no clock at all.
 */
export type ClockName = 'signFor' | 'response' | 'resolve';
/** 红黄绿 of a running clock. */
export type ClockColor = 'green' | 'yellow' | 'red';

/** The fields of a case the rule reads (the case JSON of `GET /api/cases`). */
export interface ClockedCase {
  status: string;
  receivedAt?: string | null;
  dispatchedAt?: string | null;
  acceptedAt?: string | null;
  respondedAt?: string | null;
  closedAt?: string | null;
  signDueAt?: string | null;
  responseDueAt?: string | null;
  resolveDueAt?: string | null;
  signOverdue?: boolean | null;
  responseOverdue?: boolean | null;
  resolveOverdue?: boolean | null;
  /** 挂起: `paused` while the clocks stand still, until `resumeOn` (YYYY-MM-DD) if one was given. */
  pauseState?: string | null;
  resumeOn?: string | null;
}

export type CaseBadge =
  /** Open: `clock` is the one to watch (the late one when any ran out); `late` lists every clock that ran out. */
  | { kind: 'open'; color: ClockColor; clock: ClockName; dueAt: Date; msLeft: number; late: ClockName[] }
  | { kind: 'closed'; onTime: boolean }
  /** Paused (已挂起): no clock runs, nothing runs out; until a date when the pause named one. */
  | { kind: 'paused'; until: string | null }
  /** Merged or rejected: no clock runs, nothing to be on time for. */
  | { kind: 'none' };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ORDER: readonly ClockName[] = ['signFor', 'response', 'resolve'];
const FLAG = { signFor: 'signOverdue', response: 'responseOverdue', resolve: 'resolveOverdue' } as const;
const DUE = { signFor: 'signDueAt', response: 'responseDueAt', resolve: 'resolveDueAt' } as const;
const OPEN = new Set(['received', 'dispatched', 'in_progress', 'returned', 'replied']);

const ms = (v: string | null | undefined) => (v ? new Date(v).getTime() : null);

/** Whether a clock still runs: sign-for until the unit signs, response until the resident is contacted, resolution until closed. */
function running(c: ClockedCase, clock: ClockName): boolean {
  if (!c[DUE[clock]]) return false;
  if (clock === 'signFor') return c.status === 'dispatched' && !c.acceptedAt;
  if (clock === 'response') return !c.respondedAt;
  return true;
}

/** Where a clock's limit starts: dispatch for sign-for, receipt for the others. */
const startOf = (c: ClockedCase, clock: ClockName) => ms(clock === 'signFor' ? c.dispatchedAt : c.receivedAt);

/**
 * Yellow when less than a quarter of the clock's limit or 24 hours is left, whichever is less: a 24-hour limit is
 * yellow in its last 6 hours, not from the moment it is logged; a 15-day one in its last day.
 */
export function clockColor(msLeft: number, limitMs: number | null): ClockColor {
  if (msLeft < 0) return 'red';
  const warn = limitMs !== null && limitMs > 0 ? Math.min(limitMs / 4, DAY_MS) : DAY_MS;
  return msLeft < warn ? 'yellow' : 'green';
}

const RANK: Record<ClockColor, number> = { red: 0, yellow: 1, green: 2 };

export function caseBadge(c: ClockedCase, now: Date = new Date()): CaseBadge {
  if (c.status === 'closed') {
    const closed = ms(c.closedAt);
    const due = ms(c.resolveDueAt);
    return { kind: 'closed', onTime: !c.resolveOverdue && (closed === null || due === null || closed <= due) };
  }
  if (!OPEN.has(c.status)) return { kind: 'none' };
  // As the API's dueState: a clock that ran out before the pause keeps the case red; else it shows 已挂起.
  if (c.pauseState === 'paused' && !ORDER.some((k) => c[FLAG[k]])) return { kind: 'paused', until: c.resumeOn ?? null };
  const t = now.getTime();
  const clocks = ORDER.filter((k) => running(c, k)).map((clock) => {
    const due = ms(c[DUE[clock]])!;
    const start = startOf(c, clock);
    const msLeft = due - t;
    return { clock, dueAt: new Date(due), msLeft, color: clockColor(msLeft, start === null ? null : due - start) };
  });
  // A clock is late once its flag is stored (it may have stopped since: signed for late) or it runs past its due time.
  const late = ORDER.filter((k) => c[FLAG[k]] || clocks.some((r) => r.clock === k && r.color === 'red'));
  const urgent = clocks.sort((a, b) => RANK[a.color] - RANK[b.color] || a.msLeft - b.msLeft)[0];
  if (!urgent) {
    // No running clock has a due time (should not happen for an open case): show the resolution time as it stands.
    const due = ms(c.resolveDueAt);
    if (due === null) return { kind: 'none' };
    return { kind: 'open', color: late.length ? 'red' : 'green', clock: late[0] ?? 'resolve', dueAt: new Date(due), msLeft: due - t, late };
  }
  if (late.length && urgent.color !== 'red') {
    // A stopped clock ran out (e.g. signed for late): the badge says so, in red, with the running clock's time left.
    return { ...urgent, kind: 'open', color: 'red', late };
  }
  return { ...urgent, kind: 'open', late };
}

/** The badge's colour in MUI terms. */
export function badgeColor(b: CaseBadge): 'success' | 'warning' | 'error' | 'default' {
  if (b.kind === 'none' || b.kind === 'paused') return 'default';
  if (b.kind === 'closed') return b.onTime ? 'default' : 'error';
  return b.color === 'green' ? 'success' : b.color === 'yellow' ? 'warning' : 'error';
}

/** "3天4小时" / "3d 4h": how far a time is from now, coarse enough to read at a glance. */
export function spanParts(ms: number): { days: number; hours: number; minutes: number } {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / 60_000);
  return { days, hours, minutes };
}
