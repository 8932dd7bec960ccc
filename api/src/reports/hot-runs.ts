import { HotSpotFinder, type Sighting } from './hotspots.js';

/** A local day as an instant range [start, end). */
export interface Day {
  day: string;
  start: number;
  end: number;
}

/**
 * The hot requests of one kind (unit, category) within one day, consecutive ones at most the window apart:
 * a hot spot cut at the day's edges. `ids` in order of time (then id).
 */
export interface HotRun {
  day: string;
  unitId: number;
  categoryId: number;
  firstAt: number;
  lastAt: number;
  count: number;
  ids: number[];
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
  /** Its last run's `after`: the strays up to a run that may join it. */
  lastAfter: number;
  /** The ids of its runs whose ids are known, by day (runs read from the cases, or kept runs' stored ids). */
  parts: { day: string; ids: ArrayLike<number> }[];
  /** The kept days whose runs it holds, whose ids are read when it is answered (consecutive: one run a day). */
  kept?: { from: string; to: string };
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
        if (run) out.push({ ...run, after: cold, ids });
        run = { day: kind.day, unitId: kind.unitId, categoryId: kind.categoryId, firstAt: s.at, lastAt: s.at, count: 1, ids: [], before: cold, inside: 0, after: 0 };
        ids = [s.id];
      }
      cold = 0;
    }
    if (run) out.push({ ...run, after: cold, ids });
  }
  return out;
}

/**
 * Hot spots from runs given day by day in order of time (a kind's runs within a day in order too): a run joins
 * the open spot of its kind when it begins at most the window after that spot's end, else it opens the kind's
 * next spot. Runs within one day are already whole, so a join is across a day's edge: the requests between are
 * the earlier run's `after` and the later one's `before`. No sort, and kept days are read straight from their
 * stored integers: a year is some 140,000 runs.
 */
export class Stitcher {
  readonly spots: Spot[] = [];
  private readonly open = new Map<number, Map<number, Spot>>();

  /** `allowed`: the units whose runs count (a scope), or null for all. */
  constructor(
    private readonly windowMs: number,
    private readonly allowed: ReadonlySet<number> | null = null,
  ) {}

  /** A run read from the cases, its ids known. */
  addRun(r: HotRun): void {
    this.add(r.day, r.unitId, r.categoryId, r.firstAt, r.lastAt, r.count, r.before, r.inside, r.after, r.ids);
  }

  /** A kept day's runs as stored (`encodeRuns`), their ids to be read. */
  addKeptDay(day: Day, stored: Buffer): void {
    const v = int32s(stored);
    for (let o = 0; o + FIELDS <= v.length; o += FIELDS) {
      this.add(day.day, v[o], v[o + 1], day.start + v[o + 2], day.start + v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7], null);
    }
  }

  private add(day: string, unitId: number, categoryId: number, firstAt: number, lastAt: number, count: number, before: number, inside: number, after: number, ids: number[] | null): void {
    if (this.allowed && !this.allowed.has(unitId)) return;
    let unit = this.open.get(unitId);
    if (!unit) this.open.set(unitId, (unit = new Map()));
    let spot = unit.get(categoryId);
    if (spot && firstAt - spot.lastAt <= this.windowMs) {
      spot.strays += spot.lastAfter + before + inside;
      spot.lastAt = lastAt;
      spot.count += count;
    } else {
      spot = { unitId, categoryId, firstAt, lastAt, count, strays: inside, lastAfter: 0, parts: [] };
      unit.set(categoryId, spot);
      this.spots.push(spot);
    }
    spot.lastAfter = after;
    if (ids !== null) spot.parts.push({ day, ids });
    else if (spot.kept) spot.kept.to = day;
    else spot.kept = { from: day, to: day };
  }
}

/** `Stitcher` over runs given day by day. */
export function stitch(days: Iterable<readonly HotRun[]>, windowMs: number): Spot[] {
  const s = new Stitcher(windowMs);
  for (const runs of days) for (const r of runs) s.addRun(r);
  return s.spots;
}

/** Biggest first, then the latest; then by unit, category and time, as the finder lists them. */
export const biggestFirst = (a: Spot, b: Spot) => b.count - a.count || b.lastAt - a.lastAt || a.unitId - b.unitId || a.categoryId - b.categoryId || a.firstAt - b.firstAt;

/** Runs as stored per day: eight 32-bit integers each (little-endian), times in ms from the day's start (a day is at most 25 hours). */
const FIELDS = 8;
export function encodeRuns(runs: readonly HotRun[], dayStart: number): Buffer {
  const buf = Buffer.alloc(runs.length * FIELDS * 4);
  runs.forEach((r, i) => {
    const values = [r.unitId, r.categoryId, r.firstAt - dayStart, r.lastAt - dayStart, r.count, r.before, r.inside, r.after];
    values.forEach((v, j) => buf.writeInt32LE(v, (i * FIELDS + j) * 4));
  });
  return buf;
}

/**
 * A spot's request ids, in order of time (its kept runs' ids read first: `HotSpotDays.withIds`): copied into
 * one array made at its size (a year's 200 biggest spots hold some 300,000 ids in ~70,000 parts; spreading and
 * flattening them was a fifth of the report's time).
 */
export function spotIds(s: Spot): number[] {
  const parts = s.parts.length > 1 ? [...s.parts].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)) : s.parts;
  let size = 0;
  for (const p of parts) size += p.ids.length;
  const out = new Array<number>(size);
  let at = 0;
  for (const p of parts) for (let i = 0; i < p.ids.length; i++) out[at++] = p.ids[i];
  return out;
}

/** Case ids as stored: 32-bit integers, little-endian. */
export const encodeIds = (ids: readonly number[]): Buffer => Buffer.from(Int32Array.from(ids).buffer);
export const decodeIds = (stored: Buffer): Int32Array => int32s(stored);

/** Stored little-endian 32-bit integers as a view: over the Buffer's own memory when aligned, else of a native copy (a driver's Buffer need not be aligned). */
const int32s = (stored: Buffer): Int32Array =>
  stored.byteOffset % 4 === 0 ? new Int32Array(stored.buffer, stored.byteOffset, stored.byteLength >> 2) : new Int32Array(stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength));
