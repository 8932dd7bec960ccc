import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { instantMs } from '../common/time.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ADVISORY_LOCK, LOCKS, type AdvisoryLock } from '../database/advisory-lock.js';
import { SQL_DIALECT, type SqlDialect } from '../database/sql-dialect.js';
import { decodeIds, encodeIds, encodeRuns, hotRuns, type Day, type HotRun, type Spot, type Stitcher } from './hot-runs.js';
import type { Sighting } from './hotspots.js';
import { ROLLUP_CLOCK, type RollupClock } from './rollups/rollup-store.js';

/** The default rule, the one the dashboard, the daily report and the reports page use: the one kept per day. */
export const DEFAULT_RULE = { k: 5, windowHours: 24, level: 'grid' } as const;
export const DEFAULT_WINDOW_MS = DEFAULT_RULE.windowHours * 3_600_000;
/** The unit a case counts in at each level: its grid (or its own unit above grids), its community (likewise). */
export const UNIT_AT = { grid: 'COALESCE(c.gridId, c.gridUnitId)', community: 'COALESCE(c.communityId, c.gridUnitId)' } as const;

/** Days recomputed from one read (a month of a city's cases, and a window either side). */
const SPAN_DAYS = 31;
/** Rows to a statement when storing, and ids to a lookup. */
const BATCH = 500;
/** Spots whose ids one read fetches. */
const SPOTS_TO_A_READ = 50;
/** How often the keeper recomputes the days changed since (the year before today). */
const WARM_EVERY_MS = 10 * 60_000;
const WARM_DAYS = 400;

/** The cases that count (not rejected) of [from, to), in order of time, through the reports' index; `qb` gives the scope. */
export async function readSightings(qb: SelectQueryBuilder<Case>, from: number, to: number, unit: string = UNIT_AT.grid): Promise<Sighting[]> {
  const rows: { id: number; unit: number; category: number; at: Date | string }[] = await qb
    .select('c.id', 'id')
    .addSelect(unit, 'unit')
    .addSelect('c.categoryId', 'category')
    .addSelect('c.receivedAt', 'at')
    .andWhere('c.receivedAt >= :sightFrom AND c.receivedAt < :sightTo', { sightFrom: new Date(from), sightTo: new Date(to) })
    .andWhere(`c.status <> 'rejected'`)
    // Only by time, which the reports' covering index gives without a sort (by time and id, the table was
    // read row by row); requests at the same instant are ordered by id where it matters (hot-runs.ts).
    .orderBy('c.receivedAt')
    .getRawMany();
  return rows.map((r) => ({ id: Number(r.id), unitId: Number(r.unit), categoryId: Number(r.category), at: instantMs(r.at) }));
}

/**
 * The hot runs of each local day under the default rule, kept in `hot_spot_runs` (migration HotSpotDays) once
 * a day's window after it is past. Triggers mark the days a change of a case can affect (`hot_spot_dirty`);
 * whoever needs a day missing or marked recomputes it from the cases of the day and a window either side, and
 * keeps it: first the marks are cleared, then the cases read, so a change committed meanwhile marks the day
 * again and is never lost. One recomputation at a time (in this process; on PostgreSQL across instances,
 * by the advisory lock), and a keeper recomputes the last year's changed days every few minutes.
 *
 * Days are fixed-length local days at the rollups' offset (the triggers name days with it): in a zone with
 * daylight saving, nothing is kept (`ready()` is false) and hot spots read the cases.
 */
@Injectable()
export class HotSpotDays implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('HotSpotDays');
  private queue: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private warming?: Promise<void>;
  private readonly recentDays = new Map<string, readonly Day[]>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ADVISORY_LOCK) private readonly lock: AdvisoryLock,
    @Inject(ROLLUP_CLOCK) private readonly clock: RollupClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL_DIALECT) private readonly sql: SqlDialect,
  ) {}

  ready(): boolean {
    return this.clock.ready();
  }

  /** The local days from `from` to `to` (inclusive ISO dates); the last few asked are remembered (a year is 365 steps of the zone's calendar). */
  days(from: string, to: string): readonly Day[] {
    const key = `${this.config.timeZone}/${from}/${to}`;
    const known = this.recentDays.get(key);
    if (known) return known;
    const out = this.daysOf(from, to);
    if (this.recentDays.size >= 16) this.recentDays.delete(this.recentDays.keys().next().value!);
    this.recentDays.set(key, out);
    return out;
  }

  private daysOf(from: string, to: string): Day[] {
    const out: Day[] = [];
    const last = DateTime.fromISO(to, { zone: this.config.timeZone });
    for (let d = DateTime.fromISO(from, { zone: this.config.timeZone }).startOf('day'); d <= last; d = d.plus({ days: 1 })) {
      out.push({ day: d.toISODate()!, start: d.toMillis(), end: d.plus({ days: 1 }).toMillis() });
    }
    return out;
  }

  /** Whether a day may be kept: every case that can make one of it hot is in the past (intake keeps adding to the last days). */
  keepable(d: Day, now: number): boolean {
    return d.end + DEFAULT_WINDOW_MS <= now;
  }

  /** Gives the kept runs of these keepable days, in order, to `stitcher`, recomputing the days missing or marked first. */
  async feed(days: Day[], stitcher: Stitcher): Promise<void> {
    if (!days.length) return;
    await this.refresh(days);
    const rows: { day: string; runs: Buffer }[] = await this.ds
      .createQueryBuilder()
      .select('d.day', 'day')
      .addSelect('d.runs', 'runs')
      .from('hot_spot_days', 'd')
      .where('d.day >= :first AND d.day <= :last', { first: days[0].day, last: days[days.length - 1].day })
      .orderBy('d.day')
      .getRawMany();
    const byDay = new Map(days.map((d) => [d.day, d]));
    for (const r of rows) {
      const day = byDay.get(String(r.day));
      if (day) stitcher.addKeptDay(day, r.runs);
    }
  }

  /**
   * Reads the ids of the kept runs of these spots (those answered: a year holds most cases in some hot spot),
   * each spot's days concatenated by the database: one row a spot, not one a day (a year's 200 biggest spots
   * were 70,000 rows).
   */
  async withIds(spots: Spot[]): Promise<void> {
    const wanted = spots.filter((s) => s.kept);
    const ids = this.sql.concatBytes('r.case_ids', 'r.day');
    for (let i = 0; i < wanted.length; i += SPOTS_TO_A_READ) {
      const part = wanted.slice(i, i + SPOTS_TO_A_READ);
      const params: Record<string, unknown> = {};
      // A spot's kept runs are its kind's over a range of days (one run a day under the default rule): a range of the key.
      const each = part.map((s, j) => {
        Object.assign(params, { [`u${j}`]: s.unitId, [`c${j}`]: s.categoryId, [`a${j}`]: s.kept!.from, [`b${j}`]: s.kept!.to });
        return `SELECT ${j} AS "spot", ${ids} AS "ids" FROM "hot_spot_runs" r WHERE r.unit_id = :u${j} AND r.category_id = :c${j} AND r.day >= :a${j} AND r.day <= :b${j}`;
      });
      const [sql, values] = this.ds.driver.escapeQueryWithParameters(each.join(' UNION ALL '), params);
      const rows: { spot: unknown; ids: Buffer | null }[] = await this.ds.query(sql, values);
      for (const r of rows) {
        const s = part[Number(r.spot)];
        if (r.ids?.length) s.parts.push({ day: s.kept!.from, ids: decodeIds(r.ids) });
      }
      for (const s of part) delete s.kept;
    }
  }

  /** Recomputes the days among these that are missing or marked; how many it did. */
  async refresh(days: Day[]): Promise<number> {
    if (!(await this.stale(days)).length) return 0;
    const job = () =>
      this.lock.hold(LOCKS.hotSpotDays, async () => {
        const stale = await this.stale(days);
        if (stale.length) await this.recompute(stale);
        return stale.length;
      });
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async onApplicationBootstrap() {
    const warm = () => {
      this.warming ??= this.warm()
        .catch((e) => this.log.warn(`warming: ${(e as Error).message}`))
        .finally(() => (this.warming = undefined));
    };
    setTimeout(warm, 1000).unref();
    this.timer = setInterval(warm, WARM_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy() {
    clearInterval(this.timer);
    await this.warming;
  }

  /** The keeper's pass: the last year's keepable days, computed where missing or marked. */
  private async warm(): Promise<void> {
    if (!this.ready()) return;
    const now = Date.now();
    const today = DateTime.fromMillis(now, { zone: this.config.timeZone });
    const days = this.days(today.minus({ days: WARM_DAYS }).toISODate()!, today.toISODate()!).filter((d) => this.keepable(d, now));
    const started = performance.now();
    const done = await this.refresh(days);
    if (done) this.log.log(`${done} days of hot spots kept in ${Math.round(performance.now() - started)} ms`);
  }

  private async stale(days: Day[]): Promise<Day[]> {
    const range = { first: days[0].day, last: days[days.length - 1].day };
    const read = async (table: string) => new Set(((await this.ds.createQueryBuilder().select('t.day', 'day').from(table, 't').where('t.day >= :first AND t.day <= :last', range).getRawMany()) as { day: string }[]).map((r) => String(r.day)));
    const [kept, marked] = await Promise.all([read('hot_spot_days'), read('hot_spot_dirty')]);
    return days.filter((d) => !kept.has(d.day) || marked.has(d.day));
  }

  private async recompute(stale: Day[]): Promise<void> {
    // The marks first: a change committed from now on marks its days again; one committed before, the read below sees.
    for (let i = 0; i < stale.length; i += BATCH) {
      await this.ds.createQueryBuilder().delete().from('hot_spot_dirty').where('day IN (:...days)', { days: stale.slice(i, i + BATCH).map((d) => d.day) }).execute();
    }
    for (const span of spans(stale)) {
      const from = span[0].start - DEFAULT_WINDOW_MS;
      const to = span[span.length - 1].end + DEFAULT_WINDOW_MS;
      const sightings = await readSightings(this.ds.getRepository(Case).createQueryBuilder('c'), from, to);
      const runs = hotRuns(sightings, span, DEFAULT_RULE.k, DEFAULT_WINDOW_MS);
      await this.ds.transaction((m) => this.store(m, span, runs));
    }
  }

  private async store(m: EntityManager, span: Day[], runs: HotRun[]): Promise<void> {
    const days = span.map((d) => d.day);
    for (const table of ['hot_spot_runs', 'hot_spot_days']) await m.createQueryBuilder().delete().from(table).where('day IN (:...days)', { days }).execute();
    // By kind, then day: a spot's ids are its kind's over consecutive days, read together (PostgreSQL keeps rows in
    // the order written; SQLite's rows are in key order anyway).
    const byKind = [...runs].sort((a, b) => a.unitId - b.unitId || a.categoryId - b.categoryId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const ids = byKind.map((r) => ({ unit_id: r.unitId, category_id: r.categoryId, day: r.day, case_ids: encodeIds(r.ids) }));
    for (let i = 0; i < ids.length; i += BATCH) await m.createQueryBuilder().insert().into('hot_spot_runs', Object.keys(ids[0])).values(ids.slice(i, i + BATCH)).execute();
    const byDay = span.map((d) => ({ day: d.day, runs: encodeRuns(runs.filter((r) => r.day === d.day), d.start) }));
    for (let i = 0; i < byDay.length; i += BATCH) await m.createQueryBuilder().insert().into('hot_spot_days', ['day', 'runs']).values(byDay.slice(i, i + BATCH)).execute();
  }
}

/** Consecutive days in runs of at most SPAN_DAYS. */
function spans(days: Day[]): Day[][] {
  const out: Day[][] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last && last.length < SPAN_DAYS && last[last.length - 1].end === d.start) last.push(d);
    else out.push([d]);
  }
  return out;
}
