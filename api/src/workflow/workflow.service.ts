import { checkActionInput } from './action-input.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { CaseEvent } from '../cases/case-event.entity.js';
import { appendEvents } from '../timeline/append-events.js';
import { APPEAL_WORKDAYS, OPEN_STATUSES } from '../cases/case.constants.js';
import { DateTime } from 'luxon';
import { appealedRating, gateOf, pendingRequest } from './action-context.js';
import { movedDue, pauseAllowance } from './pause-shift.js';
import { Case } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { CategoriesService } from '../categories/categories.service.js';
import { Department } from '../departments/department.entity.js';
import { AppError, conflict, ErrorCode, fieldError, forbidden } from '../common/errors.js';
import { text, words } from '../common/localize.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { User } from '../users/user.entity.js';
import { effectOf, type ActionInput } from './effects.js';
import { allowedActions, refusal } from './policy.js';
import { lateness } from './overdue.js';
import { closureOf, dueAt, limitsFor } from './time-limits.js';
import { ACTIONS, TRANSITIONS, type Action } from './transitions.js';
import { mergedInEvent } from './merged-in.js';
import { answeredWith } from '../knowledge/answered-with.js';
import { namedQuery } from '../common/named-query.js';
import type { CreateCaseDto } from '../cases/dto/create-case.dto.js';

interface WriteOptions {
  /** Who acted, where not a user: the resident (public page) or the system (a pause's resume date). */
  by?: Record<string, unknown>;
  viewer?: AuthUser;
  appealed?: { resolved: boolean; satisfaction: string } | null;
  resumeAt?: Date;
}

@Injectable()
export class WorkflowService {
  private readonly logger = new Logger('Workflow');
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly categories: CategoriesService,
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The actions this user may take on the case now, with the fields each one asks for. A ruling on an
   * extension also carries what is being ruled on (`request`: the days and reason asked, and the resolution due
   * time approval would set), so the supervisor decides with it in front of them.
   */
  async actions(caseId: number, user: AuthUser) {
    const c = await gateOf(this.ds.manager, await this.cases.findOrThrow(caseId, user));
    const allowed = allowedActions(user, c);
    const request = allowed.includes('approve_extension') ? await this.extensionRequest(c) : undefined;
    const pending = await pendingRequest(this.ds.manager, c, allowed);
    return allowed.map((a) => ({
      action: a,
      label: TRANSITIONS[a].label,
      fields: TRANSITIONS[a].fields,
      ...(request && (a === 'approve_extension' || a === 'reject_extension') ? { request } : {}),
      ...(pending?.for.includes(a) ? { request: pending.request } : {}),
    }));
  }

  private async extensionRequest(c: Case) {
    const days = c.extensionDaysPending!;
    const asked = await this.ds.getRepository(CaseEvent).findOne({ where: { caseId: c.id, action: 'request_extension' }, order: { id: 'DESC' } });
    const calendar = await this.calendars.calendar();
    return {
      days,
      reason: (asked?.data as { reason?: string } | null)?.reason ?? null,
      note: asked?.note ?? null,
      requestedAt: asked?.createdAt ?? null,
      resolveDueAt: c.resolveDueAt,
      newResolveDueAt: this.extendedDue(c, days, calendar),
    };
  }

  /** An approved extension moves the resolution due time by N working days (one rule for the preview and the act). */
  private extendedDue(c: Case, days: number, calendar: WorkCalendar) {
    return dueAt(c.resolveDueAt, { amount: days, unit: 'workdays' }, calendar, this.config.timeZone);
  }

  /**
   * Applies one action: checks the version the actor saw, the status and the actor, writes the case with
   * a conditional update (`WHERE version = seen`) and its timeline event in one transaction.
   */
  async perform(caseId: number, actionName: string, body: ActionInput & { version?: unknown }, user: AuthUser) {
    if (!ACTIONS.includes(actionName as Action)) throw new AppError(ErrorCode.NotFound, text('noSuchAction', { action: actionName, actions: words('action', ACTIONS) }));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fieldError('body', 'object');
    if (!Number.isInteger(body.version)) throw fieldError('version', 'versionRequired');
    checkActionInput(body as Record<string, unknown>);
    await this.ds.transaction((m) => this.apply(m, caseId, actionName as Action, body as ActionInput & { version: number }, user));
    return this.cases.shown(caseId, user);
  }

  /**
   * 并入此件 at intake: the new request is logged and merged into the surviving case in one transaction,
   * through the same intake and the same merge as ever, so both timelines tell it.
   */
  async intakeAndMerge(dto: CreateCaseDto, intoCaseId: number, user: AuthUser) {
    return this.intakeAnd(dto, 'merge', { intoCaseId }, user);
  }

  /** 用此答复 at intake: a consultation logged and closed on the spot with a knowledge-base article, in one transaction. */
  async intakeAndAnswer(dto: CreateCaseDto, articleId: number, user: AuthUser) {
    return this.intakeAnd(dto, 'close_directly', { articleId }, user);
  }

  private async intakeAnd(dto: CreateCaseDto, action: Action, body: ActionInput, user: AuthUser) {
    const id = await this.ds.transaction(async (m) => {
      const row = await this.cases.createIn(m, dto, user);
      await this.apply(m, row.id, action, { ...body, version: row.version }, user);
      return row.id;
    });
    return this.cases.shown(id, user);
  }

  /** One action inside the caller's transaction: version, status and actor checked, one UPDATE, its events. */
  private async apply(m: EntityManager, caseId: number, action: Action, body: ActionInput & { version: number }, user: AuthUser) {
    const seen = body.version;
    const note = typeof body.note === 'string' ? body.note.slice(0, 5000) : null;
    const c = await gateOf(m, await this.cases.findOrThrow(caseId, user, m));
    if (c.version !== seen) throw await this.cases.stale(m, caseId, user);
    const why = refusal(user, c, action);
    if (why === 'status') {
      const allowed = allowedActions(user, c);
      throw new AppError(ErrorCode.IllegalTransition, text('illegalTransition', { action: words('action', action), status: words('status', c.status), allowed: words('action', allowed) }), undefined, { currentStatus: c.status, allowed });
    }
    if (why === 'role') throw forbidden('roleMayNot', { action: words('action', action) });
    const target = await this.checkReferences(m, action, body, c, user);
    const answer = action === 'close_directly' && body.articleId !== undefined ? await answeredWith(m, body.articleId, this.config.timeZone) : null;
    const appealed = await appealedRating(m, c, action);
    await this.write(m, c, action, { ...body, result: body.result?.trim() ? body.result : (answer?.result ?? body.result), note: note ?? undefined }, user.id, { viewer: user, appealed });
    if (answer) await namedQuery(m, `UPDATE "articles" SET "uses" = "uses" + 1 WHERE "id" = :id`, { id: body.articleId });
    if (target) await appendEvents(m, target.id, [mergedInEvent(c, target, user, new Date())]);
  }

  /**
   * The resident's own answer to the follow-up (回访) from the public page, after its code was checked: the same
   * effects as staff's call (an unsatisfied or unresolved answer reopens the case), recorded as the resident's
   * (no actor, `by: resident`, their comment). 409 when the case is not (or no longer) waiting for it.
   */
  async followUpByResident(caseId: number, rating: { resolved: boolean; satisfaction: string; comment?: string }) {
    await this.ds.transaction(async (m) => {
      const c = await m.getRepository(Case).findOne({ where: { id: caseId } });
      if (!c || !TRANSITIONS.follow_up.from.includes(c.status)) throw conflict('publicNotRateable', { status: words('status', c?.status ?? 'closed') });
      const note = rating.comment?.slice(0, 500) || undefined;
      await this.write(m, c, 'follow_up', { version: c.version, resolved: rating.resolved, satisfaction: rating.satisfaction as never, note }, null, { by: { by: 'resident' } });
    });
  }

  /**
   * The pauses whose resume date has come (`resumeOn`, at the start of that day in TIME_ZONE), resumed by the
   * system as of that instant: called by the scheduled clock scan, one instance at a time. Returns how many.
   */
  async resumeDue(now = new Date()): Promise<number> {
    const today = DateTime.fromJSDate(now, { zone: this.config.timeZone }).toISODate()!;
    const due = await this.ds.getRepository(Case).createQueryBuilder('c').where(`c.pauseState = 'paused'`).andWhere('c.resumeOn <= :today', { today }).limit(200).getMany();
    let resumed = 0;
    for (const c of due) {
      const resumeAt = DateTime.fromISO(c.resumeOn!, { zone: this.config.timeZone }).toJSDate();
      try {
        await this.ds.transaction((m) => this.write(m, c, 'resume', { version: c.version }, null, { by: { by: 'system' }, resumeAt: resumeAt < c.pausedAt! ? c.pausedAt! : resumeAt }));
        resumed++;
      } catch (err) {
        // A person acted on it meanwhile (a newer version, or no longer paused): the next pass looks again.
        if (err instanceof AppError && (err.code === ErrorCode.Conflict || err.code === ErrorCode.IllegalTransition)) continue;
        this.logger.error(`resuming case ${c.id} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return resumed;
  }

  /** The case's UPDATE (conditional on the version read) and its events: one place for every actor. */
  private async write(m: EntityManager, c: Case, action: Action, body: ActionInput & { version: number }, actorId: number | null, opts: WriteOptions = {}) {
    const { by, viewer } = opts;
    const now = new Date();
    const policy = await this.categories.policyFor(c.categoryId, m);
    const calendar = await this.calendars.calendar(m);
    const tz = this.config.timeZone;
    const limits = limitsFor(policy, c.priority);
    const effect = effectOf(action, c, body, {
      now,
      actorId,
      signDueAt: () => dueAt(now, limits.signFor, calendar, tz),
      extendedDue: (days) => this.extendedDue(c, days, calendar),
      timeZone: tz,
      pausedDue: (clock, due, from, to) => movedDue(due, limits[clock].unit, pauseAllowance(limits[clock].unit, from, to, calendar, tz), calendar, tz),
      resumeAt: opts.resumeAt,
      appealDue: () => dueAt(now, { amount: APPEAL_WORKDAYS, unit: 'workdays' }, calendar, tz),
      appealed: opts.appealed,
    });
    // A clock that ran out before this step (and before the scan saw it) is recorded first.
    const after = { ...c, ...effect.changes };
    const late = lateness(c, after, now);
    const closure = closureOf(after, calendar, tz);
    const seen = body.version;
    const res = await m
      .createQueryBuilder()
      .update(Case)
      .set({ ...effect.changes, ...late.flags, ...closure, version: seen + 1, updatedAt: now })
      .where('id = :id AND version = :seen', { id: c.id, seen })
      .execute();
    if (!res.affected) throw await this.cases.stale(m, c.id, viewer);
    const note = typeof body.note === 'string' ? body.note : null;
    const event: Partial<CaseEvent> = { caseId: c.id, action, fromStatus: c.status, toStatus: effect.changes.status ?? c.status, actorId, note, data: { ...effect.data, ...by }, createdAt: now };
    await appendEvents(m, c.id, [...late.events, event]);
  }

  /** The references an action names must exist and fit; a merge answers its surviving case. */
  private async checkReferences(m: EntityManager, action: Action, body: ActionInput, c: Case, user: AuthUser): Promise<Case | null> {
    if (action === 'dispatch' && Number.isInteger(body.departmentId)) {
      const dept = await m.getRepository(Department).findOne({ where: { id: body.departmentId } });
      if (!dept || !dept.active) throw fieldError('departmentId', 'departmentInactive');
      if (body.assigneeId != null) {
        const assignee = await m.getRepository(User).findOne({ where: { id: body.assigneeId } });
        if (!assignee || assignee.departmentId !== dept.id) throw fieldError('assigneeId', 'assigneeNotInUnit');
      }
    }
    if (action === 'merge' && Number.isInteger(body.intoCaseId)) {
      const target = await this.cases.findOrThrow(body.intoCaseId!, user, m).catch(() => null);
      if (!target) throw fieldError('intoCaseId', 'caseNotVisible');
      if (!OPEN_STATUSES.includes(target.status)) throw fieldError('intoCaseId', 'caseNotOpen', { status: words('status', target.status) });
      if (target.parentCaseId === c.id) throw fieldError('intoCaseId', 'caseMergedHere');
      return target;
    }
    return null;
  }
}
