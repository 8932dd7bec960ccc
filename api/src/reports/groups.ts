import type { EntityManager } from 'typeorm';
import { Category } from '../categories/category.entity.js';
import { Channel } from '../channels/channel.entity.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { User } from '../users/user.entity.js';

export const GROUP_BYS = ['community', 'grid', 'department', 'category', 'channel', 'worker'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

interface GroupSpec {
  /** The case column grouped on; also the case-list filter key that drills into a group. */
  field: 'communityId' | 'gridId' | 'departmentId' | 'categoryId' | 'channelId' | 'assigneeId';
  names: (m: EntityManager, ids: number[]) => Promise<Map<number, string>>;
}

/** Names of the records with these ids (reference tables are small; only the ids asked for are read). */
export const byName =
  <T extends { id: number }>(target: new () => T, column: keyof T & string) =>
  async (m: EntityManager, ids: number[]) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map<number, string>();
    const rows = await m.getRepository(target).createQueryBuilder('x').select(['x.id', `x.${column}`]).where('x.id IN (:...ids)', { ids: unique }).getMany();
    return new Map(rows.map((r) => [r.id, String(r[column])]));
  };

/** Grouping a report: by the community or grid the case is under, its unit, category, channel or handler. */
export const GROUPS: Record<GroupBy, GroupSpec> = {
  community: { field: 'communityId', names: byName(GridUnit, 'name') },
  grid: { field: 'gridId', names: byName(GridUnit, 'fullName') },
  department: { field: 'departmentId', names: byName(Department, 'name') },
  category: { field: 'categoryId', names: byName(Category, 'fullName') },
  channel: { field: 'channelId', names: byName(Channel, 'name') },
  worker: { field: 'assigneeId', names: byName(User, 'name') },
};

/** A group's key as the database returns it (PostgreSQL may answer strings). */
export const keyOf = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
