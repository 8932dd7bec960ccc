import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { fieldError, forbidden } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { isMasked, maskedFields } from '../common/masked-fields.js';
import { maskPhone } from '../common/privacy.js';
import { without } from '../common/records.js';
import { inScope, scopeToUnit } from '../common/scope.js';
import { whereInSubtree } from '../common/tree.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { GridService } from '../grid/grid.service.js';
import type { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto.js';
import { Resident } from './resident.entity.js';
import { Case } from '../cases/case.entity.js';
import { Visit } from '../visits/visit.entity.js';
import type { Reference } from '../common/references.js';

/** Roles that call residents and so see their full phone number on the resident's page. */
const SEES_PHONE = new Set(['admin', 'dispatcher', 'grid_worker']);
/** Every list shows residents' phones masked, to every role: none may filter, sort or search by them. */
const PHONE_MASKED = maskedFields(['phone']);

@Injectable()
export class ResidentsService extends CrudService<Resident, CreateResidentDto, UpdateResidentDto> {
  protected readonly label = 'Resident';
  protected override readonly references: Reference[] = [
    { from: Case, by: 'residentId', things: 'refCases' },
    { from: Visit, by: 'residentId', things: 'refVisits' },
  ];
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'r',
    defaultSort: ['id', 'DESC'],
    fields: {
      id: { type: 'int' },
      name: { type: 'string' },
      phone: { type: 'string' },
      gridUnitId: { type: 'int' },
      address: { type: 'string' },
      keyPopulation: { type: 'boolean' },
      createdAt: { type: 'instant' },
    },
    custom: {
      unitId: (qb, value, _ctx, param) => whereInSubtree(qb, 'r.unitPath', value, param),
      tag: (qb, value, _ctx, param) => {
        if (typeof value !== 'string') throw fieldError('filter.tag', 'text');
        qb.andWhere(`r.tags LIKE ${param(`%"${value.replace(/[^a-z_]/g, '')}"%`)}`);
      },
    },
    // The phone only where the caller sees it whole: in a list nobody does (a masked number is no search key).
    search: (qb, term, param, ctx) => {
      const p = param(`%${term}%`);
      qb.andWhere(isMasked(ctx.masked, 'phone') ? `(r.name LIKE ${p} OR r.address LIKE ${p})` : `(r.name LIKE ${p} OR r.phone LIKE ${p} OR r.address LIKE ${p})`);
    },
  };

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly grid: GridService,
  ) {
    super(ds, ds.getRepository(Resident));
  }

  override async list(raw: Record<string, unknown>, user: AuthUser) {
    await this.grid.resolveUnitFilter(raw);
    return super.list(raw, user);
  }

  protected override scope(qb: SelectQueryBuilder<Resident>, ctx: RequestContext) {
    scopeToUnit(qb, 'r.unitPath', ctx.user);
  }

  protected override readonly logAs = 'residents';

  protected override maskedFields() {
    return PHONE_MASKED;
  }

  protected override showsInFull(row: Resident, ctx: RequestContext, mode: 'list' | 'one') {
    return mode === 'one' && !!row.phone && SEES_PHONE.has(ctx.user.role);
  }

  protected override present(row: Resident, ctx: RequestContext, mode: 'list' | 'one') {
    const full = mode === 'one' && SEES_PHONE.has(ctx.user.role);
    const out = without(row, 'unitPath');
    out.phone = full ? row.phone : maskPhone(row.phone);
    return out;
  }

  protected override async prepare(dto: Record<string, unknown>, before: Resident | undefined, m: EntityManager, user: AuthUser): Promise<Partial<Resident>> {
    const out: Partial<Resident> = { ...(dto as Partial<Resident>) };
    if (dto.gridUnitId !== undefined) {
      const unit = await this.mustExist(m, GridUnit, 'gridUnitId', dto.gridUnitId);
      if (!inScope(user, unit.path)) throw forbidden('outOfScope');
      out.unitPath = unit.path;
    }
    if (dto.tags !== undefined) out.keyPopulation = (dto.tags as string[]).length > 0;
    else if (!before) out.tags = [];
    return out;
  }
}
