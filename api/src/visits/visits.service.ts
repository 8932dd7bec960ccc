import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CasesService } from '../cases/cases.service.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { fieldError, forbidden } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { namedQuery } from '../common/named-query.js';
import { maskPhone } from '../common/privacy.js';
import { inScope, scopeToUnit } from '../common/scope.js';
import { instantMs, parseInstant } from '../common/time.js';
import { subtreeUpperBound } from '../common/tree.js';
import { Resident } from '../residents/resident.entity.js';
import type { CreateVisitDto } from './visit.dto.js';
import { intervalOf } from './visit-intervals.js';
import { Visit } from './visit.entity.js';

const DAY_MS = 86_400_000;
/** Households shown as due, most overdue first. */
const DUE_LIMIT = 200;

/** 走访: visits to households, recorded by grid workers and intake staff in their scope; kept, never changed. */
@Injectable()
export class VisitsService extends CrudService<Visit, CreateVisitDto> {
  protected readonly label = 'Visit';
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'v',
    defaultSort: ['visitedAt', 'DESC'],
    fields: { id: { type: 'int' }, residentId: { type: 'int' }, userId: { type: 'int' }, caseId: { type: 'int' }, visitedAt: { type: 'instant' } },
  };

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly cases: CasesService,
  ) {
    super(ds, ds.getRepository(Visit));
  }

  /** A visit is seen by whoever sees its household. */
  protected override scope(qb: SelectQueryBuilder<Visit>, ctx: RequestContext) {
    if (ctx.user.role === 'handler') qb.andWhere('1 = 0');
    qb.innerJoin('v.resident', 'vr');
    scopeToUnit(qb, 'vr.unitPath', ctx.user);
  }

  protected override async prepare(dto: Record<string, unknown>, _before: Visit | undefined, m: EntityManager, user: AuthUser): Promise<Partial<Visit>> {
    if (user.role === 'handler') throw forbidden('roleMayNot', { action: 'visit' });
    const resident = await this.mustExist(m, Resident, 'residentId', dto.residentId);
    if (!inScope(user, resident.unitPath)) throw forbidden('outOfScope');
    let visitedAt = new Date();
    if (dto.visitedAt !== undefined) {
      const at = parseInstant(String(dto.visitedAt));
      if (!at) throw fieldError('visitedAt', 'instant');
      if (at.getTime() > Date.now() + 60_000) throw fieldError('visitedAt', 'notInFuture');
      visitedAt = at;
    }
    if (dto.caseId != null) await this.cases.findOrThrow(dto.caseId as number, user, m).catch(() => Promise.reject(fieldError('caseId', 'caseNotVisible')));
    return { residentId: resident.id, userId: user.id, visitedAt, note: dto.note as string, caseId: (dto.caseId as number | null | undefined) ?? null };
  }

  override async update(): Promise<never> {
    throw forbidden('visitsStay');
  }
  override async remove(): Promise<never> {
    throw forbidden('visitsStay');
  }

  /**
   * 未诉先办: the key-population households in the user's scope not visited, nor heard from in a case, for
   * longer than their tags ask (VISIT_DAYS), most overdue first; phones masked as in every list.
   */
  async due(user: AuthUser) {
    if (user.role === 'handler') throw forbidden('roleMayNot', { action: 'visit' });
    const scoped = user.role !== 'admin' && user.scopePath;
    const rows = await namedQuery<{ id: number; name: string; phone: string | null; address: string | null; tags: string; gridUnitId: number; lastVisit: Date | string | null; lastCase: Date | string | null }>(
      this.ds,
      `SELECT r."id", r."name", r."phone", r."address", r."tags", r."grid_unit_id" AS "gridUnitId",
         (SELECT MAX(v."visited_at") FROM "visits" v WHERE v."resident_id" = r."id") AS "lastVisit",
         (SELECT MAX(c."received_at") FROM "cases" c WHERE c."resident_id" = r."id") AS "lastCase"
       FROM "residents" r WHERE r."key_population" = TRUE ${scoped ? `AND r."unit_path" >= :lo AND r."unit_path" < :hi` : ''}`,
      scoped ? { lo: user.scopePath, hi: subtreeUpperBound(user.scopePath!) } : {},
    );
    const now = Date.now();
    const due = [];
    for (const r of rows) {
      const tags: string[] = typeof r.tags === 'string' ? JSON.parse(r.tags) : (r.tags ?? []);
      const every = intervalOf(tags, this.config.visitDays);
      if (every === null) continue;
      const last = Math.max(r.lastVisit ? instantMs(r.lastVisit) : 0, r.lastCase ? instantMs(r.lastCase) : 0);
      const dueAt = last ? last + every * DAY_MS : 0;
      if (dueAt > now) continue;
      due.push({ residentId: Number(r.id), name: r.name, phone: maskPhone(r.phone), address: r.address, tags, gridUnitId: Number(r.gridUnitId), every, lastContactAt: last ? new Date(last) : null, overdueDays: last ? Math.floor((now - dueAt) / DAY_MS) : null });
    }
    // Never visited nor heard from first, then the longest overdue.
    const late = (d: { overdueDays: number | null }) => d.overdueDays ?? Number.MAX_SAFE_INTEGER;
    due.sort((a, b) => late(b) - late(a));
    return { total: due.length, rows: due.slice(0, DUE_LIMIT) };
  }
}
