import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { MEASURES } from '../cases/case-measures.js';
import { Category } from '../categories/category.entity.js';
import { fieldError } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { byName } from './groups.js';
import { placeUnits } from './places.js';
import type { ReportParams } from './report-params.js';
import { ReportsService } from './reports.service.js';
import { RollupReader } from './rollups/rollup-reader.js';

/** The month asked for and the five before it: the trend each community's issue is shown with. */
export const TREND_MONTHS = 6;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface MonthlyIssue {
  communityId: number;
  communityName: string;
  categoryId: number;
  categoryName: string | null;
  /** The category's requests in the month, of the community's `total`; `share` = count / total. */
  count: number;
  total: number;
  share: number;
  /** Oldest month first, the month itself last. */
  trend: { month: string; count: number; total: number }[];
  /** In how many months running, up to this one, this category was the community's first. */
  monthsOnTop: number;
  /** The case-list filter that lists the month's requests of it. */
  filter: Record<string, unknown>;
}

/** A month's requests per community and category (valid ones: merged and rejected aside). */
type MonthCounts = Map<number, Map<number, number>>;

/**
 * 每月一题 (未诉先办): each community's most frequent request category of the month, its share of the
 * community's requests, and its count in each of the five months before, so a recurring issue is seen as one.
 * From the rollups (category rows placed at communities) where they can tell; else from the cases.
 */
@Injectable()
export class MonthlyIssuesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly rollups: RollupReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async find(q: Record<string, unknown>, user: AuthUser) {
    const zone = this.config.timeZone;
    const raw = q.month === undefined || q.month === '' ? DateTime.now().setZone(zone).toFormat('yyyy-MM') : q.month;
    if (typeof raw !== 'string' || !MONTH.test(raw)) throw fieldError('month', 'month');
    const first = DateTime.fromISO(`${raw}-01`, { zone });
    const months = Array.from({ length: TREND_MONTHS }, (_, i) => first.minus({ months: TREND_MONTHS - 1 - i }));
    const counts: MonthCounts[] = [];
    let unitId: number | null = null;
    for (const m of months) {
      const p = await this.reports.params({ unitId: q.unitId, from: m.toISODate(), to: m.endOf('month').toISODate() }, user);
      unitId = p.unitId;
      counts.push(await this.monthCounts(user, p));
    }
    const tops = counts.map(topOf);
    const rows = [...tops[TREND_MONTHS - 1].entries()].map(([communityId, categoryId]) => {
      const month = counts[TREND_MONTHS - 1].get(communityId)!;
      const total = sum(month);
      let monthsOnTop = 0;
      while (monthsOnTop < TREND_MONTHS && tops[TREND_MONTHS - 1 - monthsOnTop].get(communityId) === categoryId) monthsOnTop++;
      return {
        communityId,
        categoryId,
        count: month.get(categoryId)!,
        total,
        share: month.get(categoryId)! / total,
        trend: months.map((m, i) => ({ month: m.toFormat('yyyy-MM'), count: counts[i].get(communityId)?.get(categoryId) ?? 0, total: sum(counts[i].get(communityId)) })),
        monthsOnTop,
        filter: { communityId, categoryId, receivedAt_gte: first.toISODate(), receivedAt_lte: first.endOf('month').toISODate() },
      };
    });
    rows.sort((a, b) => b.count - a.count || b.share - a.share || a.communityId - b.communityId);
    const [communities, categories] = [await byName(GridUnit, 'name')(this.ds.manager, rows.map((r) => r.communityId)), await byName(Category, 'fullName')(this.ds.manager, rows.map((r) => r.categoryId))];
    const issues: MonthlyIssue[] = rows.map((r) => ({ ...r, communityName: communities.get(r.communityId) ?? String(r.communityId), categoryName: categories.get(r.categoryId) ?? null }));
    return { month: raw, unitId, months: months.map((m) => m.toFormat('yyyy-MM')), rows: issues };
  }

  /** Per community and category, the month's valid requests: from the rollups, else from the cases. */
  private async monthCounts(user: AuthUser, p: ReportParams): Promise<MonthCounts> {
    const out: MonthCounts = new Map();
    const add = (community: number, category: number, n: number) => {
      if (!n) return;
      let row = out.get(community);
      if (!row) out.set(community, (row = new Map()));
      row.set(category, (row.get(category) ?? 0) + n);
    };
    const rolled = await this.rollups.placeSums(user, p, 'category', 'valid');
    if (rolled) {
      // Rows are placed at a case's community, or at its own unit when it lies above communities: only communities count.
      const places = await placeUnits(this.ds, rolled.map((r) => r.place));
      for (const r of rolled) if (places.get(r.place)?.level === 'community') add(r.place, r.key, r.n);
      return out;
    }
    const rows = await this.reports
      .inPeriod(user, p)
      .andWhere(MEASURES.valid)
      .andWhere('c.communityId IS NOT NULL')
      .select('c.communityId', 'community')
      .addSelect('c.categoryId', 'category')
      .addSelect('COUNT(*)', 'n')
      .groupBy('c.communityId')
      .addGroupBy('c.categoryId')
      .getRawMany<{ community: number | string; category: number | string; n: number | string }>();
    for (const r of rows) add(Number(r.community), Number(r.category), Number(r.n));
    return out;
  }
}

const sum = (row: Map<number, number> | undefined) => [...(row?.values() ?? [])].reduce((a, b) => a + b, 0);

/** Each community's first category of a month: the most requests, the lower id on a tie (the same every time). */
function topOf(month: MonthCounts): Map<number, number> {
  const tops = new Map<number, number>();
  for (const [community, row] of month) {
    let best: [number, number] | null = null;
    for (const [category, n] of row) if (!best || n > best[1] || (n === best[1] && category < best[0])) best = [category, n];
    if (best) tops.set(community, best[0]);
  }
  return tops;
}
