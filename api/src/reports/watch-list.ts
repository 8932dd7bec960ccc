import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { OPEN_STATUSES, OPEN_STATUSES_SQL } from '../cases/case.constants.js';
import type { Case } from '../cases/case.entity.js';
import { bitOf, MEASURES } from '../cases/case-measures.js';
import { Category } from '../categories/category.entity.js';
import { fieldError } from '../common/errors.js';
import { maskAddress, maskPhone } from '../common/privacy.js';
import { instantMs } from '../common/time.js';
import { pathIds, unindexedColumn } from '../common/tree.js';
import { placeName } from './daily-places.js';
import { namedPlaces, placeUnits } from './places.js';
import { byName } from './groups.js';
import { ReportsService } from './reports.service.js';
import { repeatGroups, type RepeatCase, type RepeatGroup } from './watch-groups.js';

/** Entries of each kind in the answer, biggest first (the totals say how many there are). */
export const WATCH_LIMIT = 100;
/** A compound's category is recurring from this many requests in the window, unless `min` says otherwise. */
export const COMPOUND_MIN = { default: 3, min: 2, max: 100 };
type Pair = { value: string; categoryId: number | string; n: number | string };
const REPEAT_COLUMNS = ['number', 'title', 'reporterPhone', 'address', 'categoryId', 'gridUnitId', 'residentId', 'receivedAt', 'status'] as const;

export interface WatchList {
  from: string;
  to: string;
  unitId: number | null;
  /** The repeats among the biggest phone and address candidates read; `repeatsMore` when there were more to read. */
  repeatsTotal: number;
  repeatsMore: boolean;
  repeats: (RepeatGroup & { categoryName: string | null; placeName: string | null })[];
  compoundsTotal: number;
  compounds: { unitId: number; unitName: string; categoryId: number; categoryName: string | null; count: number; open: number; firstAt: Date; lastAt: Date; filter: Record<string, unknown> }[];
}

/**
 * 关注名单 (未诉先办, DOMAIN.md "Knowledge, visits, the public"): over the 30 days through `to` (default today),
 * the same phone or the same address asking about the same category again, and the compounds where one
 * category keeps coming back (at least `min` requests). Phones and addresses are shown masked, as in every
 * list: an entry names whose requests repeat without giving out who; its cases open the details.
 */
@Injectable()
export class WatchListService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
  ) {}

  async find(q: Record<string, unknown>, user: AuthUser): Promise<WatchList> {
    const min = q.min === undefined || q.min === '' ? COMPOUND_MIN.default : Number(q.min);
    if (!Number.isInteger(min) || min < COMPOUND_MIN.min || min > COMPOUND_MIN.max) throw fieldError('min', 'wholeBetween', { min: COMPOUND_MIN.min, max: COMPOUND_MIN.max });
    // The 30 days through `to`: the reports' default period when no `from` is given.
    const p = await this.reports.params({ ...q, from: undefined }, user);
    const window = () => this.reports.inPeriod(user, p).andWhere(MEASURES.valid);
    const [repeats, compounds] = [await this.repeats(window), await this.compounds(window, min)];
    const names = await byName(Category, 'fullName')(this.ds.manager, [...repeats.shown, ...compounds.shown].map((e) => e.categoryId));
    const places = await namedPlaces(this.ds, repeats.shown.map((r) => r.gridUnitId));
    return {
      from: p.from,
      to: p.to,
      unitId: p.unitId,
      repeatsTotal: repeats.total,
      repeatsMore: repeats.more,
      repeats: repeats.shown.map((r) => ({ ...r, categoryName: names.get(r.categoryId) ?? null, placeName: places.get(r.gridUnitId)?.name ?? null })),
      compoundsTotal: compounds.total,
      compounds: compounds.shown.map((c) => ({ ...c, categoryName: names.get(c.categoryId) ?? null, filter: { unitId: c.unitId, categoryId: c.categoryId, receivedAt_gte: p.from, receivedAt_lte: p.to } })),
    };
  }

  /**
   * The phone and category pairs with cases flagged repeats in the window (重复诉求, decided at intake: found in
   * the reports' index; the earlier case may lie before the window), and the address and category pairs asked
   * twice in it; then the cases of the biggest of them, read by phone (`idx_cases_repeat`) or address and
   * grouped (watch-groups.ts). Grouped on expressions (`unindexedColumn`): on a column, SQLite walks that
   * column's index whole for its order (a million rows) instead of the month's range.
   */
  private async repeats(window: () => SelectQueryBuilder<Case>) {
    const pairs = (column: 'reporterPhone' | 'address', where: string, least: number) =>
      window()
        .select(unindexedColumn(`c.${column}`), 'value')
        .addSelect('c.categoryId', 'categoryId')
        .addSelect('COUNT(*)', 'n')
        .andWhere(where)
        .groupBy(unindexedColumn(`c.${column}`))
        .addGroupBy('c.categoryId')
        .having(`COUNT(*) >= ${least}`)
        .getRawMany<Pair>();
    const phones = await pairs('reporterPhone', `(c.measureBits & ${bitOf('repeat')}) <> 0 AND c.reporterPhone IS NOT NULL`, 1);
    const addresses = await pairs('address', `c.address IS NOT NULL AND c.address <> ''`, 2);
    // Raw rows: entities cost ten times as much to make. Read by value and category, then kept to the pairs.
    const read = async (column: 'reporterPhone' | 'address', rows: Pair[]) => {
      const top = rows.sort((a, b) => Number(b.n) - Number(a.n)).slice(0, WATCH_LIMIT);
      if (!top.length) return [];
      const wanted = new Set(top.map((r) => `${r.value}\u0000${Number(r.categoryId)}`));
      const qb = REPEAT_COLUMNS.reduce((q, col) => q.addSelect(`c.${col}`, col), window().select('c.id', 'id'));
      if (column === 'reporterPhone') {
        // One seek of idx_cases_repeat per pair (phone, category, the window): a frequent caller has a thousand cases a year.
        const params = Object.fromEntries(top.flatMap((r, i) => [[`v${i}`, r.value], [`k${i}`, Number(r.categoryId)]]));
        qb.andWhere(`(${top.map((_, i) => `(c.reporterPhone = :v${i} AND c.categoryId = :k${i})`).join(' OR ')})`, params);
      } else {
        // By address alone along the window (no index has it; by category SQLite would read each category's month whole).
        qb.andWhere('c.address IN (:...values)', { values: [...new Set(top.map((r) => r.value))] });
      }
      return (await qb.getRawMany<RepeatCase>()).filter((c) => wanted.has(`${c[column]}\u0000${Number(c.categoryId)}`));
    };
    const cases = [...(await read('reporterPhone', phones)), ...(await read('address', addresses))];
    const groups = repeatGroups(cases, { phone: maskPhone, address: maskAddress }, new Set(OPEN_STATUSES));
    return { total: groups.length, more: phones.length > WATCH_LIMIT || addresses.length > WATCH_LIMIT, shown: groups.slice(0, WATCH_LIMIT) };
  }

  /** Per compound (小区) and category, the window's requests placed in it or in its buildings; `min` or more. */
  private async compounds(window: () => SelectQueryBuilder<Case>, min: number) {
    const rows = await window()
      .select(unindexedColumn('c.unitPath'), 'path')
      .addSelect('c.categoryId', 'categoryId')
      .addSelect('COUNT(*)', 'n')
      .addSelect(`SUM(CASE WHEN c.status IN ${OPEN_STATUSES_SQL} THEN 1 ELSE 0 END)`, 'open')
      .addSelect('MIN(c.receivedAt)', 'firstAt')
      .addSelect('MAX(c.receivedAt)', 'lastAt')
      .groupBy(unindexedColumn('c.unitPath'))
      .addGroupBy('c.categoryId')
      .getRawMany<{ path: string; categoryId: number; n: number | string; open: number | string; firstAt: Date | string; lastAt: Date | string }>();
    const units = await placeUnits(this.ds, rows.flatMap((r) => pathIds(r.path)));
    const sums = new Map<string, { unitId: number; unitName: string; categoryId: number; count: number; open: number; firstAt: number; lastAt: number }>();
    for (const r of rows) {
      const compound = pathIds(r.path)
        .map((id) => units.get(id))
        .find((u) => u?.level === 'compound');
      if (!compound) continue;
      const key = `${compound.id}:${r.categoryId}`;
      const s = sums.get(key) ?? { unitId: compound.id, unitName: placeName(compound, units), categoryId: Number(r.categoryId), count: 0, open: 0, firstAt: Infinity, lastAt: -Infinity };
      s.count += Number(r.n);
      s.open += Number(r.open);
      s.firstAt = Math.min(s.firstAt, instantMs(r.firstAt));
      s.lastAt = Math.max(s.lastAt, instantMs(r.lastAt));
      sums.set(key, s);
    }
    const found = [...sums.values()].filter((s) => s.count >= min).sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
    return { total: found.length, shown: found.slice(0, WATCH_LIMIT).map((s) => ({ ...s, firstAt: new Date(s.firstAt), lastAt: new Date(s.lastAt) })) };
  }
}
