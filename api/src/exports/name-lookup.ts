import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Category } from '../categories/category.entity.js';
import { Channel } from '../channels/channel.entity.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';

const SOURCES = {
  channel: { target: Channel, field: 'name' },
  category: { target: Category, field: 'fullName' },
  unit: { target: GridUnit, field: 'fullName' },
  department: { target: Department, field: 'name' },
} satisfies Record<string, { target: EntityTarget<ObjectLiteral>; field: string }>;

export type NameKind = keyof typeof SOURCES;

/**
 * Names of the small reference tables (channels, categories, grid units, departments) for one export:
 * each batch of rows asks for the ids it has not seen yet in one query per table, so a row costs a map
 * lookup instead of a join, and a table is never read whole.
 */
export class NameLookup {
  private readonly names: Record<NameKind, Map<number, string>> = { channel: new Map(), category: new Map(), unit: new Map(), department: new Map() };

  /** Loads, through `manager`, the names that the ids in `wanted` need and the lookup does not hold yet. */
  async load(manager: EntityManager, wanted: Partial<Record<NameKind, Iterable<number | null | undefined>>>): Promise<void> {
    // One after the other: on PostgreSQL the manager is the export's single connection.
    for (const kind of Object.keys(wanted) as NameKind[]) {
      const known = this.names[kind];
      const missing = [...new Set(wanted[kind])].filter((id): id is number => typeof id === 'number' && !known.has(id));
      if (!missing.length) continue;
      const { target, field } = SOURCES[kind];
      const rows: ObjectLiteral[] = await manager.getRepository<ObjectLiteral>(target).find({ where: { id: In(missing) }, select: { id: true, [field]: true } });
      for (const r of rows) known.set(r.id as number, r[field] as string);
    }
  }

  name(kind: NameKind, id: number | null | undefined): string | null {
    return id === null || id === undefined ? null : (this.names[kind].get(id) ?? null);
  }
}
