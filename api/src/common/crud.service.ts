import { Inject } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AccessLogWriter } from '../access-log/access-log.writer.js';
import { AppError, ErrorCode, fieldError, notFound, validationError, type FieldErrors } from './errors.js';
import { text, words } from './localize.js';
import { referencesOf, refuseWhileReferenced, type Reference } from './references.js';
import { applyListQuery, ListContext, ListSpec, ParsedListQuery, parseListQuery, RawListQuery } from './list-query.js';
import { NOTHING_MASKED, type MaskedFields } from './masked-fields.js';
import { RecentTotals } from './recent-totals.js';
import { EntityRows } from './entity-rows.js';

export interface ListResult<T> {
  rows: T[];
  total: number;
  offset: number;
}

export interface RequestContext extends ListContext {
  user: AuthUser;
  masked: MaskedFields;
  /** Set by a filter or search that looked a record up by a whole personal value (a caller's number). */
  lookedUpBy?: string;
  /** A page of a list matching a large share of the records (`walksSortIndex`): subtree ranges left to no index. */
  broad?: boolean;
}

/**
 * What every resource has in common: list through the one list-query parser, get-or-404, create,
 * update, delete, with hooks for scope, presentation (masking) and validation against the database.
 */
export abstract class CrudService<T extends ObjectLiteral & { id: number }, C = unknown, U = Partial<C>> {
  @Inject(APP_CONFIG) protected readonly config: AppConfig;
  @Inject(AccessLogWriter) protected readonly accessLog: AccessLogWriter;

  protected abstract readonly label: string;
  protected abstract readonly spec: ListSpec<RequestContext>;
  /** What keeps records of this kind (cases, timelines, accounts): a delete is refused while any points here. */
  protected readonly references: Reference[] = [];
  /** Whether the record has an `active` flag: a refused delete then suggests disabling it instead. */
  protected readonly disablable: boolean = false;

  constructor(
    protected readonly ds: DataSource,
    protected readonly repo: Repository<T>,
  ) {
    this.rows = new EntityRows(ds, repo.target);
  }

  /** The resource's name in the access log (its URL name); resources that show no personal data need none. */
  protected readonly logAs?: string;

  private readonly recentTotals = new RecentTotals();
  private readonly rows: EntityRows<T>;

  protected context(user: AuthUser): RequestContext {
    return { user, timeZone: this.config.timeZone, now: new Date(), masked: this.maskedFields(user) };
  }

  /** The fields this user sees masked in lists: never filtered, sorted or searched on (common/masked-fields.ts). */
  protected maskedFields(_user: AuthUser): MaskedFields {
    return NOTHING_MASKED;
  }

  /** Whether a record, as presented to this user, shows personal data in full (then the view is logged). */
  protected showsInFull(_row: T, _ctx: RequestContext, _mode: 'list' | 'one'): boolean {
    return false;
  }

  /** One access-log row for a list page that showed full values or was a lookup by one; none otherwise. */
  private logList(rows: T[], ctx: RequestContext) {
    if (!this.logAs) return;
    let full = 0;
    for (const r of rows) if (this.showsInFull(r, ctx, 'list')) full++;
    if (full || ctx.lookedUpBy) this.accessLog.record(ctx.user, { action: 'read', resource: this.logAs, rows: ctx.lookedUpBy ? rows.length : full, detail: ctx.lookedUpBy ?? 'list' });
  }

  /** Limits what a user may see; the default is everything. */
  protected scope(_qb: SelectQueryBuilder<T>, _ctx: RequestContext): void {}

  /** Shapes a record for a viewer (masking personal data in lists). */
  protected present(row: T, _ctx: RequestContext, _mode: 'list' | 'one'): unknown {
    return row;
  }

  /** Once a list's query is parsed and before it runs: whatever it needs up to date first (nothing by default). */
  protected async beforeList(_parsed: ParsedListQuery): Promise<void> {}

  /** Whether a page of this list is found faster along its sort column's index than from its subtree's range (`RequestContext.broad`). */
  protected async walksSortIndex(_parsed: ParsedListQuery, _total: number): Promise<boolean> {
    return false;
  }

  protected query(ctx: RequestContext): SelectQueryBuilder<T> {
    const qb = this.repo.createQueryBuilder(this.spec.alias);
    this.scope(qb, ctx);
    return qb;
  }

  async list(raw: RawListQuery, user: AuthUser): Promise<ListResult<unknown>> {
    const ctx = this.context(user);
    const parsed = parseListQuery(raw, this.spec, this.config.timeZone, ctx.masked);
    await this.beforeList(parsed);
    // getMany (`filter={"id":[...]}`) sends no range: answer every id asked for, up to a page's maximum.
    if (raw.range === undefined) parsed.limit = this.spec.maxPage ?? 1000;
    const qb = applyListQuery(this.query(ctx), parsed, this.spec, ctx);
    const pageOf = async (total: number) => {
      const pageQb = (await this.walksSortIndex(parsed, total)) ? applyListQuery(this.query({ ...ctx, broad: true }), parsed, this.spec, { ...ctx, broad: true }) : qb;
      return this.page(pageQb, parsed.offset, parsed.limit);
    };
    const listKey = `${user.id} ${JSON.stringify([parsed.conditions, parsed.custom, parsed.q])}`;
    const recent = this.recentTotals.get(listKey);
    let total: number;
    let rows: T[];
    if (recent === undefined || recent <= parsed.offset) {
      total = await this.total(qb, parsed, ctx);
      rows = total > parsed.offset ? await pageOf(total) : [];
    } else {
      // Each runs a copy of the list's query, on a connection of its own (PostgreSQL; SQLite's run one after the other).
      [total, rows] = await Promise.all([this.total(qb, parsed, ctx), pageOf(recent)]);
      if (total <= parsed.offset) rows = [];
    }
    this.recentTotals.set(listKey, total);
    this.logList(rows, ctx);
    return { rows: rows.map((r) => this.present(r, ctx, 'list')), total, offset: parsed.offset };
  }

  /**
   * One page of a filtered, sorted query: the ids first, which the database can often find and order in an
   * index alone, then just those rows (sorting whole rows to keep 25 of them costs a thousand times more on a
   * large table). Both steps are one statement, the ids' query joined as a subquery: on PostgreSQL each round
   * trip costs the API and the database a message each way. The page carries its sort keys out of the subquery
   * and the rows are ordered by them, so no index of the outer table can be chosen to deliver that order.
   */
  protected async page(qb: SelectQueryBuilder<T>, offset: number, limit: number): Promise<T[]> {
    const a = this.spec.alias;
    const keys = Object.entries(qb.expressionMap.orderBys);
    const ids = qb.clone().skip(undefined).take(undefined).select(`${a}.id`, 'id').offset(offset).limit(limit);
    // In parentheses: TypeORM takes a bare `c.id` for the entity's column and would select it once per alias.
    keys.forEach(([key], i) => ids.addSelect(`(${key})`, `page_key${i}`));
    const order = keys.map(([, o], i) => (typeof o === 'string' ? `page.page_key${i} ${o}` : `page.page_key${i} ${o.order}${o.nulls ? ` ${o.nulls}` : ''}`));
    const [idsSql, params] = ids.getQueryAndParameters();
    const alias = this.ds.driver.escape(a);
    const raw = await this.repo.manager.query(
      `SELECT ${this.rows.selectList(a)} FROM ${this.rows.table} ${alias} INNER JOIN (${idsSql}) page ON page.id = ${alias}.id${order.length ? ` ORDER BY ${order.join(', ')}` : ''}`,
      params,
    );
    return this.rows.records(raw);
  }

  /**
   * For exports: the query behind the list for this filter and sort (same parser, same scope, same 400s)
   * without its paging, for the caller to stream; and each record as this user sees it on its own page.
   */
  async exportQuery(raw: RawListQuery, user: AuthUser) {
    const ctx = this.context(user);
    const parsed = parseListQuery({ sort: raw.sort, filter: raw.filter }, this.spec, this.config.timeZone, ctx.masked);
    // A file holds what the list would show now (a keyword export: entries still queued are written first).
    await this.beforeList(parsed);
    const qb = applyListQuery(this.query(ctx), parsed, this.spec, ctx).skip(undefined).take(undefined);
    return { qb, present: (row: T) => this.present(row, ctx, 'one') };
  }

  /** How many records a filter (as the list takes it) matches for this user. */
  async count(filter: Record<string, unknown>, user: AuthUser): Promise<number> {
    const ctx = this.context(user);
    const parsed = parseListQuery({ filter: JSON.stringify(filter) }, this.spec, this.config.timeZone, ctx.masked);
    await this.beforeList(parsed);
    return this.total(applyListQuery(this.query(ctx), parsed, this.spec, ctx), parsed, ctx);
  }

  /** A list's total: from what the resource keeps up to date when it can answer (`fastCount`), else counted. */
  private async total(qb: SelectQueryBuilder<T>, parsed: ParsedListQuery, ctx: RequestContext): Promise<number> {
    return (await this.spec.fastCount?.(this.ds.manager, parsed, ctx, qb)) ?? (await qb.getCount());
  }

  async findOrThrow(id: number, user: AuthUser, manager?: EntityManager): Promise<T> {
    const ctx = this.context(user);
    const qb = manager ? manager.getRepository<T>(this.repo.target).createQueryBuilder(this.spec.alias) : this.query(ctx);
    if (manager) this.scope(qb, ctx);
    const row = await qb.andWhere(`${this.spec.alias}.id = :id`, { id }).getOne();
    if (!row) throw notFound(this.label, id);
    return row;
  }

  /** A record's own page; a view of personal data in full is written to the access log. */
  async get(id: number, user: AuthUser): Promise<unknown> {
    const row = await this.findOrThrow(id, user);
    const ctx = this.context(user);
    if (this.logAs && this.showsInFull(row, ctx, 'one')) this.accessLog.record(user, { action: 'read', resource: this.logAs, recordId: id });
    return this.present(row, ctx, 'one');
  }

  /** The record as written, for the answer to a create or an update (not a view to log). */
  async shown(id: number, user: AuthUser): Promise<unknown> {
    return this.present(await this.findOrThrow(id, user), this.context(user), 'one');
  }

  async create(dto: C, user: AuthUser): Promise<unknown> {
    this.rejectNulls(dto as Record<string, unknown>);
    const saved = await this.ds.transaction(async (m) => {
      await this.beginWrite(m);
      const entity = m.getRepository<T>(this.repo.target).create(await this.prepare(dto as Record<string, unknown>, undefined, m, user) as T);
      const row = await m.getRepository<T>(this.repo.target).save(entity);
      await this.afterWrite(row, m, undefined);
      return row;
    });
    return this.shown(saved.id, user);
  }

  async update(id: number, dto: U, user: AuthUser): Promise<unknown> {
    const { version, ...fields } = dto as Record<string, unknown>;
    this.rejectNulls(fields);
    await this.ds.transaction(async (m) => {
      await this.beginWrite(m);
      const before = await this.findOrThrow(id, user, m);
      const next = await this.claimVersion(m, before, version, user);
      const changes = await this.prepare(fields, before, m, user);
      const row = m.getRepository<T>(this.repo.target).merge(m.getRepository<T>(this.repo.target).create({ ...before, version: next }), changes as T);
      await m.getRepository<T>(this.repo.target).save(row);
      await this.afterWrite(row, m, before);
    });
    return this.shown(id, user);
  }

  /**
   * Moves a record on from the version its editor read, or answers 409 with the record as it is now. One
   * conditional UPDATE checks and moves it, so of two saves made from the same version exactly one wins: the
   * other's UPDATE finds no row at that version (on PostgreSQL it waits for the first to commit, then looks).
   * Done first in the transaction, so the loser has written nothing.
   */
  protected async claimVersion(m: EntityManager, before: T, seen: unknown, user: AuthUser): Promise<number> {
    if (typeof seen !== 'number') throw this.staleRecord(before, user, true);
    const res =
      seen === before.version
        ? await m.createQueryBuilder().update(this.repo.target).set({ version: () => 'version + 1' } as never).where('id = :id AND version = :seen', { id: before.id, seen }).execute()
        : { affected: 0 };
    if (res.affected !== 1) throw this.staleRecord(await this.findOrThrow(before.id, user, m), user, false);
    return seen + 1;
  }

  /** The 409 of an update made from no version or an old one: `{message, current}`, the record as this user sees it now. */
  protected staleRecord(current: T, user: AuthUser, missing: boolean): AppError {
    const params = { what: words('record', this.label), version: current.version as number };
    return new AppError(ErrorCode.StaleVersion, text(missing ? 'versionMissing' : 'recordChanged', params), missing ? { version: text('recordVersionRequired') } : undefined, {
      current: this.present(current, this.context(user), 'one'),
    });
  }

  /**
   * Deletes a record nothing points to; one that history or people still use is refused with a 409 naming
   * what (the database's keys refuse too, should a write get past this).
   */
  async remove(id: number, user: AuthUser): Promise<unknown> {
    const row = await this.findOrThrow(id, user);
    const shown = this.present(row, this.context(user), 'one');
    await this.ds.transaction(async (m) => {
      await this.beginWrite(m);
      refuseWhileReferenced(this.label, await referencesOf(m, this.references, id), this.disablable);
      await m.getRepository<T>(this.repo.target).delete(id);
      await this.afterWrite(row, m, row, true);
    });
    return shown;
  }

  /**
   * The first statement of every write's transaction (create, update, delete), before anything is read: where
   * writes must not overlap (a tree's paths), a resource takes its lock here, so what it reads next is current.
   */
  protected async beginWrite(_m: EntityManager): Promise<void> {}

  /** Checks references and derives columns; returns the columns to write. */
  protected async prepare(dto: Record<string, unknown>, _before: T | undefined, _m: EntityManager, _user: AuthUser): Promise<Partial<T>> {
    return dto as Partial<T>;
  }

  /** Keeps derived data (paths, caches) in step after a write, inside the same transaction. */
  protected async afterWrite(_row: T, _m: EntityManager, _before: T | undefined, _deleted = false): Promise<void> {}

  /** A write may not set a required column to null (an optional field's `null` passes the DTO); say which, before the database does. */
  private rejectNulls(dto: Record<string, unknown>) {
    const errors: FieldErrors = {};
    for (const col of this.repo.metadata.columns) {
      if (!col.isNullable && dto[col.propertyName] === null) errors[col.propertyName] = text('notEmpty');
    }
    if (Object.keys(errors).length) throw validationError(errors);
  }

  /** A referenced record must exist: a 400 on the field, not a 500 from a foreign key. */
  protected async mustExist<R extends ObjectLiteral>(m: EntityManager, target: new () => R, field: string, id: unknown): Promise<R> {
    if (id === null || id === undefined) throw fieldError(field, 'required');
    const row = await m.getRepository(target).findOne({ where: { id } as never });
    if (!row) throw fieldError(field, 'doesNotExist', { id: String(id) });
    return row;
  }
}
