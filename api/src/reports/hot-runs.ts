import { HotSpotFinder, type Sighting } from './hotspots.js';

/** A local day as an instant range [start, end). */
export interface Day {
  day: string;
  start: number;
  end: number;
}

/**
 * The hot requests of one kind (unit, category) within one day, consecutive ones at most the window apart:
 * a hot spot cut at the day's edges. `ids` in order of time (then id), comma-separated as stored.
 */
export interface HotRun {
  /** The stored row's id, when read from the cache. */
  id?: number;
  day: string;
  unitId: number;
  categoryId: number;
  firstAt: number;
  lastAt: number;
  count: number;
  ids: string;
  /** Requests of its kind on its day in no hot spot: since the day's previous run (or start), between its first and last, until the next run (or the day's end). */
  before: number;
  inside: number;
  after: number;
}

/** A hot spot: runs of one kind, each at most the window after the one before. */
export interface Spot {
  unitId: number;
  categoryId: number;
  firstAt: number;
  lastAt: number;
  count: number;
  /** Requests of its kind within firstAt..lastAt that are in no hot spot (HotSpotFinder's `strays`). */
  strays: number;
  runs: HotRun[];
}

/**
 * The hot runs of `days` (consecutive, in order) among `sightings`, given in order of time and holding every
 * request of [first day's start − window, last day's end + window) that counts (hotness is local: a request's
 * depends only on the requests within one window either side of it). The finder decides which are hot.
 */
export function hotRuns(sightings: readonly Sighting[], days: readonly Day[], k: number, windowMs: number): HotRun[] {
  const finder = new HotSpotFinder(k, windowMs);
  for (const s of sightings) finder.add(s);
  const hot = new Set<number>();
  for (const c of finder.clusters()) for (const id of c.caseIds) hot.add(id);
  // Each day's requests by kind, in order of time then id.
  const byKind = new Map<string, { day: string; unitId: number; categoryId: number; items: Sighting[] }>();
  let d = 0;
  for (const s of sightings) {
    while (d < days.length && s.at >= days[d].end) d++;
    if (d === days.length) break;
    if (s.at < days[d].start) continue;
    const key = `${d}/${s.unitId}/${s.categoryId}`;
    let kind = byKind.get(key);
    if (!kind) byKind.set(key, (kind = { day: days[d].day, unitId: s.unitId, categoryId: s.categoryId, items: [] }));
    kind.items.push(s);
  }
  const out: HotRun[] = [];
  for (const kind of byKind.values()) {
    kind.items.sort((a, b) => a.at - b.at || a.id - b.id);
    let run: HotRun | null = null;
    let ids: number[] = [];
    let cold = 0;
    for (const s of kind.items) {
      if (!hot.has(s.id)) {
        cold++;
        continue;
      }
      if (run && s.at - run.lastAt <= windowMs) {
        run.inside += cold;
        run.lastAt = s.at;
        run.count++;
        ids.push(s.id);
      } else {
        if (run) out.push({ ...run, after: cold, ids: ids.join(',') });
        run = { day: kind.day, unitId: kind.unitId, categoryId: kind.categoryId, firstAt: s.at, lastAt: s.at, count: 1, ids: '', before: cold, inside: 0, after: 0 };
        ids = [s.id];
      }
      cold = 0;
    }
    if (run) out.push({ ...run, after: cold, ids: ids.join(',') });
  }
  return out;
}

/**
 * Hot spots from runs: by unit, then category, then time, a run joins the spot before it when it is of its
 * kind and begins at most the window after its end. Runs within one day are already whole, so a join is
 * across a day's edge: the requests between are the earlier run's `after` and the later one's `before`.
 */
export function stitch(runs: HotRun[], windowMs: number): Spot[] {
  runs.sort((a, b) => a.unitId - b.unitId || a.categoryId - b.categoryId || a.firstAt - b.firstAt);
  const spots: Spot[] = [];
  for (const r of runs) {
    const last = spots[spots.length - 1];
    if (last && last.unitId === r.unitId && last.categoryId === r.categoryId && r.firstAt - last.lastAt <= windowMs) {
      last.strays += last.runs[last.runs.length - 1].after + r.before + r.inside;
      last.lastAt = r.lastAt;
      last.count += r.count;
      last.runs.push(r);
    } else spots.push({ unitId: r.unitId, categoryId: r.categoryId, firstAt: r.firstAt, lastAt: r.lastAt, count: r.count, strays: r.inside, runs: [r] });
  }
  return spots;
}

/** A spot's request ids, in order of time. */
export const spotIds = (s: Spot): number[] => s.runs.flatMap((r) => r.ids.split(',').map(Number));
