import type { EntityManager } from 'typeorm';
import { pathIds } from '../common/tree.js';
import { GridUnit } from './grid-unit.entity.js';

/** The ancestors a case is reported under: its community (社区) and its grid (网格), when the tree has them. */
export interface Ancestry {
  communityId: number | null;
  gridId: number | null;
}

/** From the units along a path (any order): the nearest unit of each reported level. */
export function ancestryOf(path: string, units: ReadonlyMap<number, Pick<GridUnit, 'id' | 'level'>>): Ancestry {
  const out: Ancestry = { communityId: null, gridId: null };
  for (const id of pathIds(path)) {
    const u = units.get(id);
    if (u?.level === 'community') out.communityId = id;
    if (u?.level === 'grid') out.gridId = id;
  }
  return out;
}

/** Loads the units along a path and answers its ancestry. */
export async function loadAncestry(m: EntityManager, path: string): Promise<Ancestry> {
  const ids = pathIds(path);
  const rows = ids.length ? await m.getRepository(GridUnit).createQueryBuilder('u').select(['u.id', 'u.level']).where('u.id IN (:...ids)', { ids }).getMany() : [];
  return ancestryOf(path, new Map(rows.map((u) => [u.id, u])));
}
