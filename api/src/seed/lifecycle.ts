/**
 * The lifecycle of a generated case, as DOMAIN.md describes it: each path is a plausible sequence of
 * actions with delays drawn around the case's time limits. Steps that would happen after `now` do not
 * happen, so recent cases are still open and old ones mostly closed; a few are stuck (overdue and
 * supervised) and some close late.
 */
import type { Satisfaction } from '../cases/case.constants.js';
import type { ClockLimits } from '../workflow/time-limits.js';
import { CONTACT_NOTES, DIRECT_RESULTS, EXTENSION_REASONS, REJECT_REASONS, RETURN_REASONS, SUPERVISE_NOTES } from './case-texts.js';
import type { CaseSim } from './case-sim.js';
import { DAY, HOUR, MINUTE, type SeedClock } from './clock.js';
import type { Random } from './random.js';

export type Path = 'direct' | 'dispatch' | 'community' | 'merge' | 'reject';

export interface LifeContext {
  rng: Random;
  clock: SeedClock;
  now: number;
  /** A handler who acts for a unit (one of its handler users, else the admin). */
  handlerOf(departmentId: number): number | null;
  /** Another unit, for a re-dispatch after a return. */
  otherDepartment(departmentId: number): number;
  supervisorId: number | null;
}

export interface LifePlan {
  path: Path;
  limits: ClockLimits;
  /** The unit a dispatch goes to (the category's default). */
  departmentId: number | null;
  /** Units a returned case may be re-dispatched to (those of the same topic), before any other. */
  alternatives: readonly number[];
  intakeId: number | null;
  results: readonly string[];
}

export function simulate(sim: CaseSim, plan: LifePlan, ctx: LifeContext): void {
  const { rng } = ctx;
  const t0 = sim.fields.receivedAt;
  const urgent = sim.fields.priority === 'urgent';
  switch (plan.path) {
    case 'reject':
      sim.act('reject', t0 + rng.between(5, 60) * MINUTE, plan.intakeId, 'rejected', { reason: rng.pick(REJECT_REASONS) });
      break;
    case 'merge':
      sim.act('merge', t0 + rng.between(10, 120) * MINUTE, plan.intakeId, 'merged', { parentCaseId: null }, '同一问题重复反映，并案办理');
      break;
    case 'direct':
      sim.act('close_directly', t0 + rng.between(3, 90) * MINUTE, plan.intakeId, 'closed', { result: rng.pick(DIRECT_RESULTS) });
      break;
    case 'community':
      if (sim.act('handle_in_community', t0 + rng.between(10, urgent ? 30 : 180) * MINUTE, plan.intakeId, 'in_progress')) work(sim, plan, ctx, plan.intakeId);
      break;
    case 'dispatch':
      dispatchAndWork(sim, plan, ctx);
      break;
  }
  // Whatever is still open and late by now may have been supervised meanwhile.
  sim.stopped = false;
  superviseIfLate(sim, ctx, ctx.now);
}

function dispatchAndWork(sim: CaseSim, plan: LifePlan, ctx: LifeContext): void {
  const { rng, clock } = ctx;
  const urgent = sim.fields.priority === 'urgent';
  let dept = plan.departmentId!;
  // Mostly dispatched within the hour or two; some wait in the dispatcher's queue, more so the last day and a half's.
  const backlog = !urgent && rng.chance(ctx.now - sim.fields.receivedAt < 36 * HOUR ? 0.25 : 0.04);
  let t = sim.fields.receivedAt + (urgent ? rng.between(2, 20) * MINUTE : backlog ? rng.between(3, 40) * HOUR : rng.between(5, 150) * MINUTE);
  for (let returns = 0; ; returns++) {
    const to = dept;
    if (!sim.act('dispatch', t, plan.intakeId, 'dispatched', (at) => ({ departmentId: to, signDueAt: new Date(clock.due(at, plan.limits.signFor)).toISOString() }))) return;
    const handler = ctx.handlerOf(dept);
    const signDue = sim.fields.signDueAt!;
    const signFor = signDue - sim.last;
    // Signing for: mostly within the limit, sometimes late, rarely left lying for days.
    const late = rng.chance(ctx.now - sim.last < 36 * HOUR ? 0.25 : 0.12);
    const acceptAt = rng.chance(0.015) ? sim.last + rng.between(3, 20) * DAY : late ? signDue + rng.between(0.2, 8) * HOUR : sim.last + signFor * rng.between(0.05, 0.9);
    if (returns < 2 && rng.chance(returns === 0 ? 0.07 : 0.15)) {
      // 退单: straight away, or after signing for it and looking closer.
      const reason = rng.pick(RETURN_REASONS);
      if (rng.chance(0.3) && !sim.act('accept', acceptAt, handler, 'in_progress')) return;
      if (!sim.act('return', sim.last + rng.between(0.3, 6) * HOUR, handler, 'returned', { reason: reason.code, departmentId: dept }, reason.text)) return;
      const from = dept;
      const next = plan.alternatives.filter((d) => d !== from);
      dept = next.length ? rng.pick(next) : ctx.otherDepartment(dept);
      t = sim.last + rng.between(0.5, 5) * HOUR;
      continue;
    }
    if (!sim.act('accept', acceptAt, handler, 'in_progress')) return;
    work(sim, plan, ctx, handler);
    return;
  }
}

/** In progress → contact → (extension) → reply → follow-up, reopening when the resident is not satisfied. */
function work(sim: CaseSim, plan: LifePlan, ctx: LifeContext, handler: number | null): void {
  const { rng, clock } = ctx;
  const f = sim.fields;
  const urgent = f.priority === 'urgent';
  const jitter = () => rng.between(0, 50) * MINUTE;

  // The response: contacting the resident, usually before the response due time.
  const room = f.responseDueAt - sim.last;
  let contactAt = room > 20 * MINUTE && rng.chance(0.9) ? sim.last + rng.between(0.05, 0.8) * room : f.responseDueAt + rng.between(0.5, 24) * HOUR;
  if (!urgent) contactAt = Math.min(clock.daytime(contactAt, jitter()), Math.max(contactAt, f.responseDueAt - 10 * MINUTE));
  if (f.reporterPhone && !sim.act('contact', contactAt, handler, null, null, rng.pick(CONTACT_NOTES))) return;

  // 延期: asked for on complex normal cases, usually approved by the supervisor.
  if (!urgent && rng.chance(0.06) && f.resolveDueAt - sim.last > 4 * HOUR) {
    const days = rng.pick([3, 5, 7]);
    const askAt = sim.last + (f.resolveDueAt - sim.last) * rng.between(0.2, 0.7);
    if (!sim.act('request_extension', askAt, handler, null, { days, reason: rng.pick(EXTENSION_REASONS) })) return;
    const ruleAt = sim.last + rng.between(1, 20) * HOUR;
    const ok = rng.chance(0.85)
      ? sim.act('approve_extension', ruleAt, ctx.supervisorId, null, { days, resolveDueAt: new Date(clock.extend(f.resolveDueAt, days)).toISOString() })
      : sim.act('reject_extension', ruleAt, ctx.supervisorId, null, { days }, '请按原时限办结');
    if (!ok) return;
  }

  for (let round = 0; ; round++) {
    // The reply: mostly in time (leaving room for the follow-up call), some late, a few stuck for weeks.
    const left = f.resolveDueAt - sim.last;
    let replyAt: number;
    let onTime = false;
    if (round > 0) replyAt = sim.last + rng.between(4, urgent ? 12 : 72) * HOUR;
    else if (rng.chance(0.03)) replyAt = f.resolveDueAt + rng.between(5, 40) * DAY;
    else if (rng.chance(0.09) || left < 2 * HOUR) replyAt = Math.max(f.resolveDueAt, sim.last) + rng.between(2, 96) * HOUR;
    else {
      onTime = true;
      replyAt = sim.last + left * rng.between(0.1, 0.7);
      if (!urgent) replyAt = Math.min(clock.daytime(replyAt, jitter()), Math.max(replyAt, f.resolveDueAt - 3 * HOUR));
    }
    superviseIfLate(sim, ctx, replyAt);
    const result = rng.pick(plan.results);
    if (!sim.act('reply', replyAt, handler, 'replied', { result: round > 0 ? `重办后：${result}` : result })) return;

    // 回访 by the intake staff, in the daytime; in time when the reply was.
    let callAt = sim.last + rng.between(1, urgent ? 6 : 30) * HOUR;
    if (onTime) callAt = Math.min(callAt, sim.last + (f.resolveDueAt - sim.last) * rng.between(0.2, 0.9));
    callAt = onTime ? Math.min(clock.daytime(callAt, jitter()), Math.max(callAt, f.resolveDueAt - 10 * MINUTE)) : clock.daytime(callAt, jitter());
    const { resolved, satisfaction } = round >= 2 ? { resolved: true, satisfaction: 'basically_satisfied' as const } : rating(rng);
    const closes = resolved && satisfaction !== 'unsatisfied';
    const note = closes ? null : '群众对办理结果不满意，退回重办';
    if (!sim.act('follow_up', callAt, plan.intakeId, closes ? 'closed' : 'in_progress', { resolved, satisfaction }, note)) return;
    if (closes) return;
  }
}

function rating(rng: Random): { resolved: boolean; satisfaction: Satisfaction } {
  const resolved = rng.chance(0.9);
  const r = rng.next();
  const satisfaction: Satisfaction = resolved ? (r < 0.76 ? 'satisfied' : r < 0.97 ? 'basically_satisfied' : 'unsatisfied') : r < 0.6 ? 'unsatisfied' : r < 0.9 ? 'basically_satisfied' : 'satisfied';
  return { resolved, satisfaction };
}

/**
 * 督办: when the case is open and its resolution due time has passed well before `until` (the next
 * step, or now), the supervisor often shows it a yellow card, and a red one when it drags on for days.
 */
function superviseIfLate(sim: CaseSim, ctx: LifeContext, until: number): void {
  const { rng } = ctx;
  const f = sim.fields;
  const open = f.status !== 'closed' && f.status !== 'merged' && f.status !== 'rejected';
  if (!open || f.superviseLevel || until - f.resolveDueAt < 6 * HOUR || !rng.chance(0.55)) return;
  const from = Math.max(f.resolveDueAt, sim.last);
  const yellowAt = from + Math.min(until - from, 36 * HOUR) * rng.between(0.1, 0.6);
  if (yellowAt >= until || !sim.act('supervise', yellowAt, ctx.supervisorId, null, { level: 'yellow' }, SUPERVISE_NOTES.yellow)) return;
  const redAt = sim.last + rng.between(2, 4) * DAY;
  if (redAt < until && rng.chance(0.5)) sim.act('supervise', redAt, ctx.supervisorId, null, { level: 'red' }, SUPERVISE_NOTES.red);
}
