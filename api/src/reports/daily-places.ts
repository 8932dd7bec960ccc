import { DateTime } from 'luxon';
import { pathIds } from '../common/tree.js';

/** What naming a place needs of a grid unit and of its ancestors. */
export interface PlaceUnit {
  id: number;
  name: string;
  level: string;
  path: string;
}

/**
 * A unit as the daily report names it: with its community in front (`黄河路社区 2号网格`), since every
 * community has a 2号网格 and the report goes to the whole subdistrict. A community, or a unit with no
 * community above it, is its own name.
 */
export function placeName(unit: PlaceUnit, units: ReadonlyMap<number, PlaceUnit>): string {
  if (unit.level === 'community') return unit.name;
  const community = pathIds(unit.path)
    .map((id) => units.get(id))
    .find((u) => u?.level === 'community');
  return community && community.id !== unit.id ? `${community.name} ${unit.name}` : unit.name;
}

/**
 * The day the daily report opens on when none is asked for: yesterday until `readyHour` (local), today after.
 * A day's report is read the next morning; before the evening, today's figures are a half-day's.
 */
export function defaultDailyDate(now: Date, timeZone: string, readyHour: number): string {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return (local.hour < readyHour ? local.minus({ days: 1 }) : local).toISODate()!;
}
