import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Case } from '../cases/case.entity.js';
import { Category } from '../categories/category.entity.js';
import { fieldError } from '../common/errors.js';
import { words } from '../common/localize.js';
import { subtreeUpperBound } from '../common/tree.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { namedPlaces } from './places.js';
import { byName } from './groups.js';
import { biggestFirst, hotRuns, spotIds, Stitcher, type Day, type HotRun, type Spot } from './hot-runs.js';
import { DEFAULT_RULE, DEFAULT_WINDOW_MS, HotSpotDays, readSightings, UNIT_AT } from './hot-spot-days.js';
import { HotSpotFinder } from './hotspots.js';
import type { ReportParams } from './report-params.js';
import { onReportRunner } from './report-reader.js';
import { ReportsService } from './reports.service.js';
import { RollupReader } from './rollups/rollup-reader.js';

/** The hot-spot report reads the period this much at a time when it reads the cases. */
const SLICE_MS = 24 * 3_600_000;
export const HOT_SPOT_LIMIT = { default: 200, max: 1000 };

export interface HotSpotAnswer {
  /** Every hot spot of the period: the answer's own are the first `limit` of them. */
  total: number;
  spots: {
    unitId: number;
    unitName: string | null;
    categoryId: number;
    categoryName: string | null;
    count: number;
    firstAt: Date;
    lastAt: Date;
    caseIds: number[];
    /** The case-list filter that lists exactly its cases. */
    filter: Record<string, unknown>;
  }[];
}

/**
 * 集中反映 (DOMAIN.md): at least K requests of one category in one unit within a window, among the period's
 * requests (rejected ones aside), hotness counted within the period. Under the default rule the days inside
 * the period come from the per-day cache (hot-spot-days.ts), stitched, and the first and last days (whose
 * windows reach outside the period) and those too recent to keep are read from the cases; any other rule,
 * scope or zone reads the period's cases through the finder. Both give the same spots (hot-spots.e2e-spec).
 */
@Injectable()
export class HotSpotsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly rollups: RollupReader,
    private readonly days: HotSpotDays,
  ) {}

  /** The spots, biggest first (then latest), the first `limit` of them in full (all when `limit` is null). */
  async find(q: Record<string, unknown>, user: AuthUser, p: ReportParams, limit: number | null): Promise<HotSpotAnswer> {
    const k = q.k === undefined ? DEFAULT_RULE.k : Number(q.k);
    const windowHours = q.windowHours === undefined ? DEFAULT_RULE.windowHours : Number(q.windowHours);
    const level = (q.level ?? DEFAULT_RULE.level) as string;
    if (!Number.isInteger(k) || k < 2 || k > 1000) throw fieldError('k', 'wholeBetween', { min: 2, max: 1000 });
    if (!Number.isFinite(windowHours) || windowHours <= 0 || windowHours > 24 * 90) throw fieldError('windowHours', 'hoursBetween', { min: 1, max: 2160 });
    if (level !== 'grid' && level !== 'community') throw fieldError('level', 'oneOf', { values: words('level', ['grid', 'community']) });
    const byDefault = k === DEFAULT_RULE.k && windowHours === DEFAULT_RULE.windowHours && level === DEFAULT_RULE.level;
    const spots = (byDefault && (await this.fromDays(user, p))) || (await this.fromCases(user, p, k, windowHours * 3_600_000, level));
    spots.sort(biggestFirst);
    const shown = limit === null ? spots : spots.slice(0, limit);
    await this.days.withIds(shown);
    return { total: spots.length, spots: await this.present(shown, level as 'grid' | 'community') };
  }

  /** `limit`: a whole number 1–1000, 200 when not given. */
  static limit(raw: unknown): number {
    if (raw === undefined || raw === '') return HOT_SPOT_LIMIT.default;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > HOT_SPOT_LIMIT.max) throw fieldError('limit', 'wholeBetween', { min: 1, max: HOT_SPOT_LIMIT.max });
    return n;
  }

  /**
   * The default rule from the days: the days inside the period kept (computed where missing or changed), the
   * first and last and those too recent read from the cases of the period; null when the days cannot serve
   * (a zone with daylight saving, a handler's scope, a subtree finer than a grid, no day inside the period).
   */
  private async fromDays(user: AuthUser, p: ReportParams): Promise<Spot[] | null> {
    if (!this.days.ready() || user.role === 'handler') return null;
    const subtrees = [p.unitPath, user.role === 'admin' ? null : user.scopePath].filter((s): s is string => !!s);
    if (!(await this.rollups.coarseEnough(subtrees, 'grid'))) return null;
    const now = Date.now();
    const all = this.days.days(p.from, p.to);
    const inside = all.slice(1, -1);
    const kept = inside.filter((d) => this.days.keepable(d, now));
    if (!kept.length) return null;
    // In order of time: the live days before the kept ones (the period's first), the kept, the live after.
    const allowed = await this.unitsIn(subtrees);
    const stitcher = new Stitcher(DEFAULT_WINDOW_MS, allowed);
    const live = await this.liveRuns(all.filter((d) => !kept.includes(d)), p);
    for (const r of live) if (r.day < kept[0].day) stitcher.addRun(r);
    await this.days.feed(kept, stitcher);
    for (const r of live) if (r.day > kept[kept.length - 1].day) stitcher.addRun(r);
    return stitcher.spots;
  }

  /** Runs of days not kept, from the period's cases (every scope: spots are filtered by unit after). */
  private async liveRuns(days: Day[], p: ReportParams): Promise<HotRun[]> {
    const out: HotRun[] = [];
    for (const span of consecutive(days)) {
      const from = Math.max(p.start.getTime(), span[0].start - DEFAULT_WINDOW_MS);
      const to = Math.min(p.end.getTime(), span[span.length - 1].end + DEFAULT_WINDOW_MS);
      const sightings = await readSightings(onReportRunner(this.ds.getRepository(Case).createQueryBuilder('c')), from, to);
      out.push(...hotRuns(sightings, span, DEFAULT_RULE.k, DEFAULT_WINDOW_MS));
    }
    return out;
  }

  /** The units in every one of the subtrees (null: no subtree, every unit). */
  private async unitsIn(subtrees: string[]): Promise<Set<number> | null> {
    if (!subtrees.length) return null;
    const qb = onReportRunner(this.ds.getRepository(GridUnit).createQueryBuilder('g').select('g.id', 'id'));
    subtrees.forEach((path, i) => qb.andWhere(`g.path >= :lo${i} AND g.path < :hi${i}`, { [`lo${i}`]: path, [`hi${i}`]: subtreeUpperBound(path) }));
    return new Set(((await qb.getRawMany()) as { id: unknown }[]).map((r) => Number(r.id)));
  }

  /**
   * Any rule from the period's cases in the user's scope, in order of time, a day at a time: the finder keeps
   * only what a hot spot can still need, so a year of a city's cases is never held at once.
   */
  private async fromCases(user: AuthUser, p: ReportParams, k: number, windowMs: number, level: 'grid' | 'community' | string): Promise<Spot[]> {
    const finder = new HotSpotFinder(k, windowMs);
    for (let from = p.start.getTime(); from < p.end.getTime(); from += SLICE_MS) {
      const to = Math.min(from + SLICE_MS, p.end.getTime());
      for (const s of await readSightings(this.reports.inPeriod(user, p), from, to, UNIT_AT[level as 'grid' | 'community'])) finder.add(s);
    }
    return finder.clusters().map((c) => ({ unitId: c.unitId, categoryId: c.categoryId, firstAt: c.firstAt, lastAt: c.lastAt, count: c.caseIds.length, strays: c.strays, lastAfter: 0, parts: [{ day: '', ids: c.caseIds }] }));
  }

  /** The spots as answered: names, times, ids, and the filter of their cases. */
  private async present(spots: Spot[], level: 'grid' | 'community'): Promise<HotSpotAnswer['spots']> {
    const [units, categories] = await Promise.all([namedPlaces(this.ds, spots.map((s) => s.unitId)), byName(Category, 'name')(this.ds.manager, spots.map((s) => s.categoryId))]);
    return spots.map((s) => {
      const caseIds = spotIds(s);
      const unit = units.get(s.unitId);
      return {
        unitId: s.unitId,
        unitName: unit?.name ?? null,
        categoryId: s.categoryId,
        categoryName: categories.get(s.categoryId) ?? null,
        count: s.count,
        firstAt: new Date(s.firstAt),
        lastAt: new Date(s.lastAt),
        caseIds,
        filter: s.strays === 0 ? spotFilter(s, level, unit?.level ?? null) : { id: caseIds },
      };
    });
  }
}

/**
 * The case-list filter of a spot whose range holds no other case of its kind: its unit as the level places a
 * case (a grid's cases by their grid; a unit above that level, the cases placed on it and none below), its
 * category, not rejected, received from its first to its last.
 */
function spotFilter(s: Spot, level: 'grid' | 'community', unitLevel: string | null): Record<string, unknown> {
  const column = level === 'grid' ? 'gridId' : 'communityId';
  const unit = unitLevel === level ? { [column]: s.unitId } : { gridUnitId: s.unitId, [column]: null };
  return { ...unit, categoryId: s.categoryId, status_neq: 'rejected', receivedAt_gte: new Date(s.firstAt).toISOString(), receivedAt_lte: new Date(s.lastAt).toISOString() };
}

function consecutive(days: Day[]): Day[][] {
  const out: Day[][] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1].end === d.start) last.push(d);
    else out.push([d]);
  }
  return out;
}
