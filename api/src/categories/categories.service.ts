import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { fieldError } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { pathIds, placeNode, settlePath } from '../common/tree.js';
import { Department } from '../departments/department.entity.js';
import { effectivePolicy } from '../workflow/time-limits.js';
import { appliedLimitsOfAll } from './applied-limits.js';
import { Category, RESOLVE_UNITS } from './category.entity.js';
import type { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto.js';
import { Case } from '../cases/case.entity.js';
import type { Reference } from '../common/references.js';

const MAX_DEPTH = 3;
@Injectable()
export class CategoriesService extends CrudService<Category, CreateCategoryDto, UpdateCategoryDto> {
  protected readonly label = 'Category';
  protected override readonly references: Reference[] = [
    { from: Case, by: 'categoryId', things: 'refCases' },
    { from: Category, by: 'parentId', things: 'refChildren' },
  ];
  protected override readonly disablable = true;
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'cat',
    defaultSort: ['path', 'ASC'],
    fields: {
      id: { type: 'int' },
      name: { type: 'string' },
      code: { type: 'string' },
      parentId: { type: 'int' },
      departmentId: { type: 'int' },
      path: { type: 'string' },
      fullName: { type: 'string' },
      resolveUnit: { type: 'string', values: RESOLVE_UNITS },
      sort: { type: 'int' },
      active: { type: 'boolean' },
      public: { type: 'boolean' },
    },
    search: (qb, term, param) => qb.andWhere(`(cat.fullName LIKE ${param(`%${term}%`)} OR cat.code LIKE ${param(`%${term}%`)})`),
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(Category));
  }

  /** The category and its ancestors, nearest first: the chain its time limits are read from. */
  async chain(categoryId: number, m: EntityManager = this.ds.manager): Promise<Category[]> {
    const cat = await m.getRepository(Category).findOne({ where: { id: categoryId } });
    if (!cat) return [];
    const ids = pathIds(cat.path).reverse();
    const rows = await m.getRepository(Category).createQueryBuilder('c').where('c.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
  }

  async policyFor(categoryId: number, m?: EntityManager) {
    return effectivePolicy(await this.chain(categoryId, m));
  }

  /** Every category's limits in force and where each is set (itself, an ancestor, the default). */
  async appliedLimits() {
    return appliedLimitsOfAll(await this.ds.getRepository(Category).find());
  }

  protected override async prepare(dto: Record<string, unknown>, before: Category | undefined, m: EntityManager): Promise<Partial<Category>> {
    const parentId = dto.parentId === undefined ? before?.parentId ?? null : (dto.parentId as number | null);
    const parent = parentId !== null ? await this.mustExist(m, Category, 'parentId', parentId) : null;
    if (parent && pathIds(parent.path).length >= MAX_DEPTH) throw fieldError('parentId', 'categoryDepth', { max: MAX_DEPTH });
    if (dto.departmentId !== undefined && dto.departmentId !== null) await this.mustExist(m, Department, 'departmentId', dto.departmentId);
    const unit = (dto.resolveUnit ?? before?.resolveUnit ?? 'workdays') as string;
    const limit = (dto.resolveLimit ?? before?.resolveLimit) as number | null | undefined;
    if (unit === 'workdays' && limit != null && !Number.isInteger(limit)) throw fieldError('resolveLimit', 'wholeWorkdays');
    const place = placeNode(parent, before, (dto.name as string) ?? before!.name, parentId !== before?.parentId, () => {
      throw fieldError('parentId', 'notSelfOrBelow');
    });
    return { ...dto, parentId, ...place } as Partial<Category>;
  }

  protected override async afterWrite(row: Category, m: EntityManager, before: Category | undefined, deleted = false) {
    if (deleted) return;
    const parent = row.parentId ? await m.getRepository(Category).findOne({ where: { id: row.parentId } }) : null;
    await settlePath(m, Category, row, parent?.path ?? null, before);
  }
}
