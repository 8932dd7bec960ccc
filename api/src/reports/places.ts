import type { DataSource } from 'typeorm';
import { pathIds } from '../common/tree.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { placeName, type PlaceUnit } from './daily-places.js';

/** The grid units of these ids, with what naming a place needs (name, level, path). */
export async function placeUnits(ds: DataSource, ids: number[]): Promise<Map<number, PlaceUnit>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows: PlaceUnit[] = await ds.getRepository(GridUnit).createQueryBuilder('u').select(['u.id', 'u.name', 'u.level', 'u.path']).where('u.id IN (:...ids)', { ids: unique }).getMany();
  return new Map(rows.map((u) => [u.id, u]));
}

/** The units' names with their community in front (`黄河路社区 2号网格`) and their levels: the units, then their ancestors. */
export async function namedPlaces(ds: DataSource, ids: number[]): Promise<Map<number, { name: string; level: string }>> {
  const own = await placeUnits(ds, ids);
  const above = await placeUnits(ds, [...own.values()].flatMap((u) => pathIds(u.path)));
  return new Map([...own.values()].map((u) => [u.id, { name: placeName(u, above), level: u.level }]));
}
