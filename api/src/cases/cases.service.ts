import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { AppError, ErrorCode, fieldError, forbidden } from '../common/errors.js';
import { text, words } from '../common/localize.js';
import { maskPhone } from '../common/privacy.js';
import { without } from '../common/records.js';
import { scopeToUnit } from '../common/scope.js';
import { parseInstant } from '../common/time.js';
import { GridService } from '../grid/grid.service.js';
import { dueState, isOverdue } from '../workflow/clocks.js';
import { CaseEvent } from './case-event.entity.js';
import { appendEvents } from '../timeline/append-events.js';
import { caseListSpec } from './case-list.js';
import { SQL_DIALECT, type SqlDialect } from '../database/sql-dialect.js';
import { PHONE_BY_EXACT_NUMBER, PHONE_MASKED, seesFullPhone } from './phone-access.js';
import { KEYWORD_INDEX, queueForIndex, type KeywordIndex } from '../search/keyword-index.js';
import type { ListSpec, ParsedListQuery } from '../common/list-query.js';
import { TODO_BUCKETS } from './case-todo.js';
import { Case } from './case.entity.js';
import { INTAKE_ENGINE, type IntakeEngine } from './intake-engine.js';
import type { CreateCaseDto, UpdateCaseDto } from './dto/create-case.dto.js';

/** A request logged a little ahead of the server's clock is not "in the future". */
const CLOCK_SKEW_MS = 60_000;
/** The console's sort columns, each with an index in its order (ending with the time of receipt, or unique). */
const WALKABLE_SORTS = new Set(['number', 'title', 'categoryId', 'departmentId', 'resolveDueAt', 'receivedAt']);
/** How long the table's size (`tableSize`) is taken as read. */
const TABLE_SIZE_TTL_MS = 5_000;

@Injectable()
export class CasesService extends CrudService<Case, CreateCaseDto, UpdateCaseDto> implements OnModuleDestroy {
  protected readonly label = 'Case';
  protected readonly spec: ListSpec<RequestContext>;

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly grid: GridService,
    @Inject(INTAKE_ENGINE) private readonly intake: IntakeEngine,
    @Inject(KEYWORD_INDEX) private readonly keywords: KeywordIndex,
    @Inject(SQL_DIALECT) sql: SqlDialect,
  ) {
    super(ds, ds.getRepository(Case));
    this.spec = caseListSpec(keywords, sql);
  }

  /** Before the connection closes (modules are destroyed before the application shuts down). */
  onModuleDestroy() {
    this.intake.close();
  }

  override async list(raw: Record<string, unknown>, user: AuthUser) {
    await this.grid.resolveUnitFilter(raw);
    return super.list(raw, user);
  }

  /** A keyword list (a `q` with words in it) finds a case as soon as intake has answered: entries still queued are written first. */
  protected override async beforeList(parsed: ParsedListQuery) {
    if (parsed.q !== undefined) await this.keywords.flush();
  }

  /** Handlers see the cases dispatched to their unit; everyone else their scope subtree. */
  protected override scope(qb: SelectQueryBuilder<Case>, ctx: RequestContext) {
    const { user } = ctx;
    if (user.role === 'handler') qb.andWhere('c.departmentId = :scopeDept', { scopeDept: user.departmentId ?? -1 });
    else scopeToUnit(qb, 'c.unitPath', user, ctx.broad);
  }

  /**
   * Sorted by a column with an index of its own in that order (ties by the time of receipt, case.entity.ts),
   * a page is found by walking that index while the list matches a large share of the cases: about
   * (offset + limit) × all ÷ matched rows visited, against every matched row read and sorted from the
   * subtree's range. Walked when the first is the smaller (a million cases: from 5,000 matched for a first page).
   * By time of receipt too: the path index (unit_path, received_at) has it only per path, so a range of many
   * paths is still read whole and sorted (a grid worker's newest first: 9 ms, walked 0.3 ms).
   */
  protected override async walksSortIndex(parsed: ParsedListQuery, total: number) {
    if (!WALKABLE_SORTS.has(parsed.sort[0]) || total < 100) return false;
    return total * total >= (parsed.offset + parsed.limit) * (await this.tableSize());
  }

  /**
   * About how many cases there are (the highest id), read at most every few seconds: it only weighs one way
   * of finding a page against another, where a figure seconds old chooses the same, and it was one of a
   * list's four round trips on PostgreSQL.
   */
  private async tableSize(): Promise<number> {
    if (Date.now() - this.sized.at >= TABLE_SIZE_TTL_MS) {
      const [{ n }] = await this.ds.query('SELECT MAX(id) AS n FROM cases');
      this.sized = { n: Number(n ?? 0), at: Date.now() };
    }
    return this.sized.n;
  }

  private sized = { n: 0, at: 0 };

  protected override readonly logAs = 'cases';

  /** Lists mask every caller's number; those who call back may still find a caller by the whole number. */
  protected override maskedFields(user: AuthUser) {
    return seesFullPhone(user) ? PHONE_BY_EXACT_NUMBER : PHONE_MASKED;
  }

  protected override showsInFull(c: Case, ctx: RequestContext, mode: 'list' | 'one') {
    return mode === 'one' && !!c.reporterPhone && seesFullPhone(ctx.user);
  }

  protected override present(c: Case, ctx: RequestContext, mode: 'list' | 'one') {
    // Full phone numbers only on the case's own page, for those who call the resident back.
    // Set on the copy, not spread into another literal: a second copy of ~55 fields per row (common/records.ts).
    const out: Omit<Case, 'unitPath'> & { dueState?: ReturnType<typeof dueState> } = without(c, 'unitPath');
    out.reporterPhone = mode === 'one' && seesFullPhone(ctx.user) ? c.reporterPhone : maskPhone(c.reporterPhone);
    out.overdue = isOverdue(c, ctx.now);
    out.dueState = dueState(c, ctx.now);
    return out;
  }

  /**
   * Intake: validate, number, compute the clocks, and write the case with its first event, all in one
   * transaction (intake.ts); the answer is the case as written, as GET /cases/:id shows it.
   */
  override async create(dto: CreateCaseDto, user: AuthUser) {
    const row = await this.intake.submit(this.intakeRequest(dto, user));
    return this.present(row, this.context(user), 'one');
  }

  /**
   * Intake inside the caller's transaction (a request merged into another case as it is logged; a request
   * asked from outside, with no staff member: `user` null and its `origin`).
   */
  async createIn(m: EntityManager, dto: CreateCaseDto, user: AuthUser | null, origin?: string): Promise<Case> {
    return this.intake.inTransaction(m, { ...this.intakeRequest(dto, user), origin });
  }

  private intakeRequest(dto: CreateCaseDto, user: AuthUser | null) {
    const now = new Date();
    let receivedAt = now;
    if (dto.receivedAt !== undefined) {
      const parsed = parseInstant(dto.receivedAt);
      if (!parsed) throw fieldError('receivedAt', 'instant');
      if (parsed.getTime() > now.getTime() + CLOCK_SKEW_MS) throw fieldError('receivedAt', 'notInFuture');
      receivedAt = parsed;
    }
    return { dto, user, now, receivedAt, timeZone: this.config.timeZone };
  }

  /** Corrections of what was logged, version-checked, each one recorded on the timeline. */
  override async update(id: number, dto: UpdateCaseDto, user: AuthUser) {
    if (!['admin', 'dispatcher', 'grid_worker'].includes(user.role)) throw forbidden('onlyIntakeCorrects');
    await this.ds.transaction(async (m) => {
      const before = await this.findOrThrow(id, user, m);
      const { version, ...fields } = dto;
      if (version === undefined || version === null) throw this.staleRecord(before, user, true);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [k, v] of Object.entries(fields)) {
        if (v === undefined) continue;
        if (k === 'title' && v === null) throw fieldError('title', 'notEmpty');
        const old = (before as unknown as Record<string, unknown>)[k];
        if (old !== v) changes[k] = k === 'reporterPhone' ? [maskPhone(old as string), maskPhone(v as string)] : [old, v];
      }
      // Nothing to change is no conflict, but an old version still says the editor saw another case.
      if (Object.keys(changes).length === 0) {
        if (version !== before.version) throw await this.stale(m, id, user);
        return;
      }
      const seen = version;
      const set = Object.fromEntries(Object.keys(changes).map((k) => [k, (fields as Record<string, unknown>)[k]]));
      const res = await m
        .createQueryBuilder()
        .update(Case)
        .set({ ...set, version: seen + 1, updatedAt: new Date() })
        .where('id = :id AND version = :seen', { id, seen })
        .execute();
      if (!res.affected) throw await this.stale(m, id, user);
      if (['title', 'description', 'address', 'reporterName'].some((k) => k in changes)) await queueForIndex(m, [id]);
      await appendEvents(m, id, [{ caseId: id, action: 'edit', fromStatus: before.status, toStatus: before.status, actorId: user.id, note: null, data: { changes }, createdAt: new Date() }]);
    });
    return this.shown(id, user);
  }

  /** The cases this user may see (the list's scope), for reports to aggregate. */
  scoped(user: AuthUser): SelectQueryBuilder<Case> {
    return this.query(this.context(user));
  }

  /** 我的待办: each bucket of the user's role with its filter and how many cases wait in it. */
  async todo(user: AuthUser) {
    const buckets = TODO_BUCKETS[user.role];
    return Promise.all(buckets.map(async (b) => ({ ...b, count: await this.count(b.filter, user) })));
  }

  /** The 409 for a stale version: who acted last and what the case looks like now. */
  async stale(m: EntityManager, id: number, viewer?: AuthUser) {
    const current = await m.getRepository(Case).findOne({ where: { id } });
    const last = await m.getRepository(CaseEvent).createQueryBuilder('e').leftJoin('e.actor', 'a').addSelect(['a.id', 'a.name']).where('e.caseId = :id', { id }).orderBy('e.id', 'DESC').limit(1).getOne();
    const status = current ? words('status', current.status) : null;
    const actor = last?.actor?.name ?? text('someoneElse');
    return new AppError(ErrorCode.StaleVersion, text('staleVersion', { actor, version: current?.version, status }), undefined, {
      currentVersion: current?.version,
      currentStatus: current?.status,
      lastActor: last?.actor?.name ?? null,
      // The case as the editor may see it now (phones masked as on its page), for a form to reload from.
      ...(viewer && current ? { current: this.present(current, this.context(viewer), 'one') } : {}),
    });
  }

  override async remove(): Promise<never> {
    throw forbidden('casesNotDeleted');
  }
}
