import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { queueSubtree } from '../search/keyword-index.js';
import { Case } from '../cases/case.entity.js';
import { ADVISORY_LOCK, LOCKS, type AdvisoryLock } from '../database/advisory-lock.js';
import { ancestryOf } from './ancestry.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { fieldError } from '../common/errors.js';
import { idOf } from '../common/ids.js';
import { words } from '../common/localize.js';
import { maskedFields, NOTHING_MASKED } from '../common/masked-fields.js';
import { maskPhone } from '../common/privacy.js';
import { inScope } from '../common/scope.js';
import type { ListSpec } from '../common/list-query.js';
import { placeNode, settlePath, subtreeUpperBound, whereInSubtree } from '../common/tree.js';
import { Resident } from '../residents/resident.entity.js';
import type { CreateGridUnitDto, UpdateGridUnitDto } from './dto/grid-unit.dto.js';
import { GRID_LEVELS, GridUnit } from './grid-unit.entity.js';
import type { Reference } from '../common/references.js';
import { User } from '../users/user.entity.js';

const LEADER_PHONE_MASKED = maskedFields(['leaderPhone']);

/**
 * A grid leader's (网格长 / 楼栋长) number is for those who work the grid with them: admins, and the community's
 * own dispatchers and grid workers whose scope holds the unit. Supervisors audit and do not call (as with
 * residents, cases/phone-access.ts); a responsible unit's handlers deal with the case, not with the grid.
 */
function seesLeaderPhone(user: AuthUser, unit: Pick<GridUnit, 'path'>): boolean {
  if (user.role === 'admin') return true;
  return (user.role === 'dispatcher' || user.role === 'grid_worker') && inScope(user, unit.path);
}

@Injectable()
export class GridService extends CrudService<GridUnit, CreateGridUnitDto, UpdateGridUnitDto> {
  protected readonly label = 'Grid unit';
  protected override readonly references: Reference[] = [
    { from: GridUnit, by: 'parentId', things: 'refChildren' },
    { from: Case, by: 'gridUnitId', things: 'refCases' },
    { from: Resident, by: 'gridUnitId', things: 'refResidents' },
    // A worker's scope: deleting it would widen theirs to everywhere.
    { from: User, by: 'scopeUnitId', things: 'refUsers' },
  ];

  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'g',
    defaultSort: ['path', 'ASC'],
    fields: {
      id: { type: 'int' },
      name: { type: 'string' },
      code: { type: 'string' },
      level: { type: 'string', values: GRID_LEVELS },
      parentId: { type: 'int' },
      path: { type: 'string' },
      fullName: { type: 'string' },
      sort: { type: 'int' },
    },
    custom: {
      unitId: (qb, value, _ctx, param) => whereInSubtree(qb, 'g.path', value, param),
    },
    search: (qb, term, param) => {
      const p = param(`%${term}%`);
      qb.andWhere(`(g.name LIKE ${p} OR g.code LIKE ${p} OR g.fullName LIKE ${p})`);
    },
  };

  constructor(
    @InjectDataSource() ds: DataSource,
    @Inject(ADVISORY_LOCK) private readonly lock: AdvisoryLock,
  ) {
    super(ds, ds.getRepository(GridUnit));
  }

  /**
   * Path of a unit, read every time: another instance may have moved it a moment ago, and asking the database
   * whether anything changed (a counter in `reference_versions`) costs the same round trip as this primary-key
   * read, so a cache would save nothing and could only be stale.
   */
  async pathOf(id: number, m: EntityManager = this.ds.manager): Promise<string | null> {
    const row = await m.getRepository(GridUnit).findOne({ where: { id }, select: { id: true, path: true } });
    return row?.path ?? null;
  }

  /** Replaces `filter.unitId` (an id) by the unit's path, or answers 400 when there is no such unit. */
  async resolveUnitFilter(raw: { filter?: unknown }): Promise<void> {
    if (typeof raw.filter !== 'string' || !raw.filter.includes('unitId')) return;
    let filter: Record<string, unknown>;
    try {
      filter = JSON.parse(raw.filter);
    } catch {
      return; // the list-query parser reports malformed JSON
    }
    if (typeof filter !== 'object' || filter === null || !Object.hasOwn(filter, 'unitId') || filter.unitId === undefined) return;
    // An id written as people write one (15 or "15"), never `null`, `{}`, "0x10" or "1e2".
    const id = idOf(filter.unitId, 'filter.unitId');
    const path = await this.pathOf(id);
    if (!path) throw fieldError('filter.unitId', 'notGridUnit', { value: JSON.stringify(filter.unitId) });
    raw.filter = JSON.stringify({ ...filter, unitId: path });
  }

  protected override readonly logAs = 'grid-units';

  /** Only admins see every leader's number whole; anyone else may not filter or sort by it. */
  protected override maskedFields(user: AuthUser) {
    return user.role === 'admin' ? NOTHING_MASKED : LEADER_PHONE_MASKED;
  }

  protected override showsInFull(row: GridUnit, ctx: RequestContext) {
    return !!row.leaderPhone && seesLeaderPhone(ctx.user, row);
  }

  protected override present(row: GridUnit, ctx: RequestContext) {
    if (!row.leaderPhone || seesLeaderPhone(ctx.user, row)) return row;
    return { ...row, leaderPhone: maskPhone(row.leaderPhone) };
  }

  override async list(raw: Record<string, unknown>, user: AuthUser) {
    await this.resolveUnitFilter(raw);
    return super.list(raw, user);
  }

  /**
   * Tree writes one at a time, whichever instance makes them: bumping the tree's change counter first locks its
   * row until commit (PostgreSQL; SQLite writes one at a time anyway). A move or a new child then reads its
   * parent's path only after every other tree write has committed, and none can run meanwhile, so no child is
   * saved under a path that a concurrent move has just changed, and no move misses a child saved meanwhile.
   * The tree's lock, taken alone, does the same against intake on PostgreSQL, which holds it shared while its
   * write statement reads a case's place in the tree (migration IntakeUnitPlacement).
   */
  protected override async beginWrite(m: EntityManager) {
    await this.lock.untilCommit(m, LOCKS.gridTree);
    await m.query(`UPDATE "reference_versions" SET "version" = "version" + 1 WHERE "name" = 'grid_units'`);
  }

  protected override async prepare(dto: Record<string, unknown>, before: GridUnit | undefined, m: EntityManager): Promise<Partial<GridUnit>> {
    const parentId = dto.parentId === undefined ? before?.parentId ?? null : (dto.parentId as number | null);
    const level = (dto.level as GridUnit['level']) ?? before?.level;
    const parent = parentId !== null ? await this.mustExist(m, GridUnit, 'parentId', parentId) : null;
    if (parent && GRID_LEVELS.indexOf(parent.level) >= GRID_LEVELS.indexOf(level!)) throw fieldError('level', 'belowParentLevel', { level: words('level', parent.level) });
    const place = placeNode(parent, before, (dto.name as string) ?? before!.name, parentId !== before?.parentId, () => {
      throw fieldError('parentId', 'notSelfOrBelow');
    });
    return { ...dto, parentId, ...place } as Partial<GridUnit>;
  }

  /** After a move or a change of level: the community and grid each case under `path` is reported under. */
  private async regroupCases(m: EntityManager, path: string) {
    const units = await m.getRepository(GridUnit).createQueryBuilder('u').select(['u.id', 'u.level', 'u.path']).getMany();
    const byId = new Map(units.map((u) => [u.id, u]));
    const groups = new Map<string, number[]>();
    for (const u of units) {
      if (!u.path.startsWith(path)) continue;
      const a = ancestryOf(u.path, byId);
      const key = `${a.communityId}/${a.gridId}`;
      groups.set(key, [...(groups.get(key) ?? []), u.id]);
    }
    for (const [key, ids] of groups) {
      const [communityId, gridId] = key.split('/').map((x) => (x === 'null' ? null : Number(x)));
      await m.createQueryBuilder().update(Case).set({ communityId, gridId }).where('grid_unit_id IN (:...ids)', { ids }).execute();
    }
  }

  protected override async afterWrite(row: GridUnit, m: EntityManager, before: GridUnit | undefined, deleted = false) {
    if (deleted) return;
    // Read in this transaction, after beginWrite's lock: the parent's path as it is now, never a remembered one.
    const parentPath = row.parentId ? await this.pathOf(row.parentId, m) : null;
    const { moved, oldPath, path } = await settlePath(m, GridUnit, row, parentPath, before);
    if (moved) {
      // Residents and cases keep a copy of their unit's path: move the copies with the subtree.
      const range = { lo: oldPath, hi: subtreeUpperBound(oldPath!), path, n: oldPath!.length + 1 };
      for (const target of [Resident, Case]) {
        await m.createQueryBuilder().update(target).set({ unitPath: () => `:path || substr(unit_path, :n)` }).where('unit_path >= :lo AND unit_path < :hi', range).execute();
      }
      // The keyword index knows each case's units, for searches within a subtree.
      await queueSubtree(m, path, subtreeUpperBound(path));
    }
    if (moved || (before && before.level !== row.level)) await this.regroupCases(m, path);
  }
}
