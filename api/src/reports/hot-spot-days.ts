import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { instantMs } from '../common/time.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ADVISORY_LOCK, LOCKS, type AdvisoryLock } from '../database/advisory-lock.js';
import { hotRuns, type Day, type HotRun } from './hot-runs.js';
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

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ADVISORY_LOCK) private readonly lock: AdvisoryLock,
    @Inject(ROLLUP_CLOCK) private readonly clock: RollupClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  ready(): boolean {
    return this.clock.ready();
  }

  /** The local days from `from` to `to` (inclusive ISO dates). */
  days(from: string, to: string): Day[] {
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

  /** The kept runs of these consecutive keepable days, without their ids (`withIds`), recomputing the days missing or marked first. */
  async runs(days: Day[]): Promise<HotRun[]> {
    if (!days.length) return [];
    await this.refresh(days);
    const rows: Record<string, unknown>[] = await this.ds
      .createQueryBuilder()
      .select(['r.id AS id', 'r.day AS day', 'r.unit_id AS unit', 'r.category_id AS category', 'r.first_at AS first', 'r.last_at AS last', 'r.n AS n'])
      .addSelect(['r.strays_before AS before', 'r.strays_inside AS inside', 'r.strays_after AS after'])
      .from('hot_spot_runs', 'r')
      .where('r.day >= :first AND r.day <= :last', { first: days[0].day, last: days[days.length - 1].day })
      .getRawMany();
    return rows.map((r) => ({
      id: Number(r.id),
      day: String(r.day),
      unitId: Number(r.unit),
      categoryId: Number(r.category),
      firstAt: Number(r.first),
      lastAt: Number(r.last),
      count: Number(r.n),
      ids: '',
      before: Number(r.before),
      inside: Number(r.inside),
      after: Number(r.after),
    }));
  }

  /** Fills in the ids of kept runs (those of the spots answered: a year holds most cases in some hot spot). */
  async withIds(runs: HotRun[]): Promise<void> {
    const kept = runs.filter((r) => r.id !== undefined && !r.ids);
    for (let i = 0; i < kept.length; i += BATCH) {
      const part = kept.slice(i, i + BATCH);
      const rows: { id: unknown; ids: string }[] = await this.ds.createQueryBuilder().select('r.id', 'id').addSelect('r.case_ids', 'ids').from('hot_spot_runs', 'r').where('r.id IN (:...ids)', { ids: part.map((r) => r.id) }).getRawMany();
      const byId = new Map(rows.map((r) => [Number(r.id), r.ids]));
      for (const r of part) r.ids = byId.get(r.id!) ?? '';
    }
  }

  /** Recomputes the days among these that are missing or marked. */
  async refresh(days: Day[]): Promise<void> {
    if (!(await this.stale(days)).length) return;
    const job = () =>
      this.lock.hold(LOCKS.hotSpotDays, async () => {
        const stale = await this.stale(days);
        if (stale.length) await this.recompute(stale);
      });
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    await run;
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
    await this.refresh(days);
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
    await m.createQueryBuilder().delete().from('hot_spot_runs').where('day IN (:...days)', { days }).execute();
    const rows = runs.map((r) => ({
      day: r.day,
      unit_id: r.unitId,
      category_id: r.categoryId,
      first_at: r.firstAt,
      last_at: r.lastAt,
      n: r.count,
      case_ids: r.ids,
      strays_before: r.before,
      strays_inside: r.inside,
      strays_after: r.after,
    }));
    for (let i = 0; i < rows.length; i += BATCH) await m.createQueryBuilder().insert().into('hot_spot_runs', Object.keys(rows[0])).values(rows.slice(i, i + BATCH)).execute();
    await m.createQueryBuilder().insert().into('hot_spot_days', ['day']).values(days.map((day) => ({ day }))).orIgnore().execute();
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
