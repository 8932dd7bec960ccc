/**
 * Realistic cases with consistent timelines, made from the reference data alone (no database): arrivals
 * over the last `days` days (daytime-heavy, more on working days), a hot spot in the last two days,
 * duplicates merged into open cases, and each case's life simulated up to `now`. Yielded day by day in
 * batches, so memory stays bounded however many cases are asked for, and the same on the main thread or
 * in a worker: the writers only number and store what comes out.
 */
import { CaseFactory, type Overrides } from './case-factory.js';
import { CaseSim } from './case-sim.js';
import { DAY, HOUR, MINUTE, SeedClock } from './clock.js';
import { simulate, type LifeContext } from './lifecycle.js';
import { Random } from './random.js';
import type { CategoryInfo, Reference, UnitInfo } from './reference.js';

export interface StreamOptions {
  count: number;
  days: number;
  timeZone: string;
  /** Epoch ms. */
  now: number;
  seed: number;
}

/** Cases received on one local day (`YYYYMMDD`), in order of receipt; `sims[i].ref.seq` counts from 0 over the whole stream. */
export interface CaseBatch {
  day: string;
  sims: CaseSim[];
}

export const BATCH = 500;
/** Relative intake by local hour: quiet nights, a morning peak and a long afternoon. */
const HOURLY = [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.6, 1.5, 4, 6, 6.5, 6, 4, 3.5, 5, 5.5, 5.5, 5, 3.5, 2.5, 2, 1.5, 1, 0.6];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);
const HOT_SPOT_CASES = 8;
/** How many recent open cases a duplicate may be merged into (and so how far back a merge's parent can be). */
export const RECENT = 400;

interface Day {
  date: string;
  start: number;
  end: number;
  count: number;
}

interface Arrival {
  t: number;
  hot: boolean;
}

interface Recent {
  sim: CaseSim;
  category: CategoryInfo;
  unit: UnitInfo;
}

export function* caseBatches(ref: Reference, opts: StreamOptions): Generator<CaseBatch> {
  const count = Math.max(0, Math.floor(opts.count));
  if (count === 0) return;
  const days = Math.max(1, Math.floor(opts.days));
  const now = opts.now;
  const rng = new Random(opts.seed);
  const clock = new SeedClock(ref.calendar, opts.timeZone);
  const factory = new CaseFactory(ref, rng, clock);
  const ctx: LifeContext = {
    rng,
    clock,
    now,
    supervisorId: null,
    handlerOf: (d) => factory.handlerOf(d),
    otherDepartment: (d) => factory.otherDepartment(d),
  };

  // A hot spot (集中反映): one category in one compound, several times within a day, lately.
  const hotCount = count >= 40 && days >= 2 ? HOT_SPOT_CASES : 0;
  const hotCategory = ref.categories.find((c) => c.code === 'sewer' && c.isLeaf) ?? ref.categories.find((c) => c.isLeaf)!;
  const compounds = ref.units.filter((u) => u.level === 'compound');
  const hotUnit = rng.pick(compounds.length ? compounds : ref.units);
  const windowStart = clock.dayStart(clock.shiftDate(clock.localDate(now), 1 - days));
  const hotStart = Math.max(now - rng.between(10, 40) * HOUR, windowStart);
  const hotSpan = Math.max(0, Math.min(20 * HOUR, now - hotStart - 5 * MINUTE));
  const hotTimes = Array.from({ length: hotCount }, () => Math.floor((hotStart + rng.next() * hotSpan) / 1000) * 1000);

  const schedule = planDays(count - hotCount, days, now, clock, rng);
  const recent: Recent[] = [];
  // The last case of each reporter and category: this generation's and the one before (older ones cannot be repeated within 30 days).
  let lastByReporter = new Map<string, number>();
  let earlier = new Map<string, number>();
  let generationStart = -Infinity;
  const categoryById = new Map(ref.categories.map((c) => [c.id, c]));
  let seq = 0;
  for (const day of schedule) {
    const arrivals: Arrival[] = [];
    for (let i = 0; i < day.count; i++) arrivals.push({ t: arrivalIn(day, rng), hot: false });
    for (const t of hotTimes) if (t >= day.start && t < day.end) arrivals.push({ t, hot: true });
    arrivals.sort((a, b) => a.t - b.t);
    const key = day.date.replaceAll('-', '');
    for (let i = 0; i < arrivals.length; i += BATCH) yield { day: key, sims: arrivals.slice(i, i + BATCH).map(makeCase) };
  }

  function makeCase(a: Arrival): CaseSim {
    let o: Overrides = a.hot ? { category: hotCategory, unit: hotUnit, path: rng.chance(0.8) ? 'dispatch' : 'community' } : {};
    let parent: Recent | undefined;
    if (!a.hot && rng.chance(0.02)) {
      // A duplicate (重复诉求) of a case still open: the same problem again, merged into it.
      parent = findOpen(recent, a.t);
      if (parent) o = { category: parent.category, unit: parent.unit, title: parent.sim.fields.title, path: 'merge' };
    }
    const { fields, plan, createData } = factory.build(a.t, o);
    const sim = new CaseSim(fields, now, createData, seq++);
    if (parent) sim.parent = parent.sim.ref;
    ctx.supervisorId = factory.supervisor(fields.unitPath);
    simulate(sim, plan, ctx);
    sim.settle(clock);
    // 重复诉求: the same phone and category within 30 days (cases are made in time order).
    if (fields.reporterPhone) {
      if (fields.receivedAt - generationStart >= 30 * DAY) {
        earlier = lastByReporter;
        lastByReporter = new Map();
        generationStart = fields.receivedAt;
      }
      const key = `${fields.reporterPhone}|${fields.categoryId}`;
      const last = lastByReporter.get(key) ?? earlier.get(key);
      fields.isRepeat = last !== undefined && fields.receivedAt - last <= 30 * DAY;
      lastByReporter.set(key, fields.receivedAt);
    }
    if (plan.path === 'dispatch' || plan.path === 'community') {
      recent.push({ sim, category: categoryById.get(fields.categoryId)!, unit: ref.unitById.get(fields.gridUnitId)! });
      if (recent.length > RECENT) recent.splice(0, 100);
    }
    return sim;
  }
}

/** The newest earlier case, received at least half an hour and at most five days before, and open for a while yet. */
function findOpen(recent: Recent[], t: number): Recent | undefined {
  for (let i = recent.length - 1, seen = 0; i >= 0 && seen < 60; i--, seen++) {
    const r = recent[i];
    const at = r.sim.fields.receivedAt;
    if (at < t - 5 * DAY) break;
    if (at < t - 30 * MINUTE && r.sim.openUntil() > t + 3 * HOUR) return r;
  }
  return undefined;
}

/**
 * How many cases each local day receives: the last `days` days up to now, working days busier than
 * weekends and holidays, today only in proportion to the part of its daily profile already past.
 */
function planDays(count: number, days: number, now: number, clock: SeedClock, rng: Random): Day[] {
  const today = clock.localDate(now);
  const out: Day[] = [];
  const weights: number[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = clock.shiftDate(today, -i);
    const start = clock.dayStart(date);
    const end = Math.min(clock.dayStart(clock.shiftDate(date, 1)), now);
    let share = 1;
    if (end < start + DAY) {
      const hours = (end - start) / HOUR;
      share = HOURLY.reduce((s, w, h) => s + w * Math.max(0, Math.min(1, hours - h)), 0) / HOURLY_TOTAL;
    }
    out.push({ date, start, end, count: 0 });
    weights.push((clock.isWorkday(date) ? 1 : 0.6) * rng.between(0.85, 1.15) * share);
  }
  // Largest remainder: the day counts add up to exactly `count`.
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total > 0 ? (w / total) * count : count / days));
  out.forEach((d, i) => (d.count = Math.floor(exact[i])));
  let left = count - out.reduce((s, d) => s + d.count, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]].count++;
  return out;
}

/** A time within the day, by the hourly profile, never after the day's end (now, for today). */
function arrivalIn(day: Day, rng: Random): number {
  const hours = Math.ceil((day.end - day.start) / HOUR);
  const h = rng.weightedIndex(HOURLY.slice(0, Math.max(1, Math.min(24, hours))));
  const from = day.start + h * HOUR;
  const to = Math.min(from + HOUR, day.end);
  return Math.max(day.start, Math.floor(Math.min(from + rng.next() * Math.max(0, to - from), day.end - 1000) / 1000) * 1000);
}

/** A load stopped on request (Ctrl-C), between batches: the cases written before it stay. */
export class GenerationStopped extends Error {
  constructor() {
    super('stopped: the cases written so far stay');
  }
}
