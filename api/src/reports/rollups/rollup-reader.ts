import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { pathIds, subtreeUpperBound } from '../../common/tree.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { GRID_LEVELS, type GridLevel } from '../../grid/grid-unit.entity.js';
import type { GroupBy } from '../groups.js';
import { keyOf } from '../groups.js';
import type { ReportParams } from '../report-params.js';
import { onReportRunner, reportMemo } from '../report-reader.js';
import { ROLLUP_CLOCK, type RollupClock } from './rollup-store.js';
import { ROLLUP_COLUMNS, ROLLUP_DIMS } from './rollup-columns.js';
import { ClosureSketch } from './closure-sketch.js';

export type RollupSums = Record<string, number>;

/** Whether a unit's level lies strictly below the rows' placement level: a subtree rooted there is finer than the rows. */
const finerThan = (level: string, placedAt: GridLevel) => GRID_LEVELS.indexOf(level as GridLevel) > GRID_LEVELS.indexOf(placedAt);
const CLOSURES = `(SELECT * FROM "case_closure_rollups" WHERE "dim" = :dim AND "month" >= :fromMonth AND "month" <= :toMonth UNION ALL SELECT * FROM "case_closure_rollup_deltas" WHERE "dim" = :dim AND "month" >= :fromMonth AND "month" <= :toMonth)`;
const BOTH = `(SELECT * FROM "case_rollups" WHERE "dim" = :dim AND "day" >= :fromDay AND "day" <= :toDay UNION ALL SELECT * FROM "case_rollup_deltas" WHERE "dim" = :dim AND "day" >= :fromDay AND "day" <= :toDay)`;

/**
 * A period's counts per group from the rollups, when they can tell them: whole local days (every report's
 * period is), a subtree no finer than the rows are placed (`ROLLUP_DIMS`), the user's scope a subtree (a
 * handler's, their unit's cases, is not one), and rollups kept at the configured time zone's days. Null
 * otherwise: the report reads the cases.
 */
@Injectable()
export class RollupReader {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ROLLUP_CLOCK) private readonly clock: RollupClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sums(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>, groupBy: GroupBy | null): Promise<Map<number | null, RollupSums> | null> {
    const rows = await this.read(user, p, groupBy, groupBy ? 'r.value' : null);
    if (!rows) return null;
    const out = new Map<number | null, RollupSums>();
    for (const [key, sums] of rows) out.set(keyOf(key) === 0 ? null : keyOf(key), sums);
    return out;
  }

  /** The period's counts per local day (`YYYY-MM-DD`), over the whole scope and subtree. */
  byDay(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>): Promise<Map<string, RollupSums> | null> {
    // As text, the same on both engines (PostgreSQL's driver would make a date a Date at local midnight).
    return this.read(user, p, null, 'CAST(r.day AS varchar)') as Promise<Map<string, RollupSums> | null>;
  }

  private async read(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>, groupBy: GroupBy | null, key: string | null): Promise<Map<unknown, RollupSums> | null> {
    const qb = await this.periodRows(user, p, groupBy);
    if (!qb) return null;
    qb.select(key ?? 'NULL', 'key');
    for (const c of ROLLUP_COLUMNS) qb.addSelect(`SUM(r.${c})`, c);
    if (key) qb.groupBy(key);
    const rows: Record<string, unknown>[] = await onReportRunner(qb).getRawMany();
    const out = new Map<unknown, RollupSums>();
    for (const r of rows) if (r.n !== null && r.n !== undefined) out.set(r.key, Object.fromEntries(ROLLUP_COLUMNS.map((c) => [c, Number(r[c] ?? 0)])));
    return out;
  }

  /**
   * One counted column's sum per place the rows are placed at (`ROLLUP_DIMS`: a community, or a unit above
   * communities) and group, over the period; null when the rollups cannot tell (as `sums`).
   */
  async placeSums(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>, groupBy: GroupBy, column: string): Promise<{ place: number; key: number; n: number }[] | null> {
    const qb = ROLLUP_COLUMNS.includes(column) ? await this.periodRows(user, p, groupBy) : null;
    if (!qb) return null;
    qb.select('r.place_id', 'place').addSelect('r.value', 'key').addSelect(`SUM(r.${column})`, 'n').groupBy('r.place_id').addGroupBy('r.value');
    const rows: Record<string, unknown>[] = await onReportRunner(qb).getRawMany();
    return rows.map((r) => ({ place: Number(r.place), key: Number(r.key), n: Number(r.n) }));
  }

  /** The grouping's rows (both tables) of the period's days within the subtrees, to select from; null as `sums`. */
  private async periodRows(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>, groupBy: GroupBy | null): Promise<SelectQueryBuilder<ObjectLiteral> | null> {
    const days = this.wholeDays(p.start, p.end);
    const where = days && (await this.placed(user, p, groupBy));
    if (!where) return null;
    const qb = this.ds.createQueryBuilder().from(BOTH, 'r').setParameters({ dim: where.dim, fromDay: days.from, toDay: days.to });
    where.within(qb);
    return qb;
  }

  /**
   * The closed cases of the months `from`..`to` (first days, `YYYY-MM-01`) per group, by closing time, from
   * the closure rollups (rollups/closure-sketch.ts); null when the rollups cannot tell the groups apart.
   */
  async closures(user: AuthUser, p: Pick<ReportParams, 'unitPath'>, groupBy: GroupBy, months: { from: string; to: string }): Promise<Map<number | null, ClosureSketch> | null> {
    const where = await this.placed(user, p, groupBy);
    if (!where) return null;
    const qb = this.ds
      .createQueryBuilder()
      .select('r.value', 'key')
      .addSelect('r.hours_bucket', 'hoursBucket')
      .addSelect('r.workdays', 'workdays')
      .addSelect('SUM(r.n)', 'n')
      .addSelect('SUM(r.on_time)', 'onTime')
      .addSelect('SUM(r.hours_sum)', 'hoursSum')
      .from(CLOSURES, 'r')
      .setParameters({ dim: where.dim, fromMonth: months.from, toMonth: months.to })
      .groupBy('r.value')
      .addGroupBy('r.hours_bucket')
      .addGroupBy('r.workdays');
    where.within(qb);
    const out = new Map<number | null, ClosureSketch>();
    for (const r of (await onReportRunner(qb).getRawMany()) as Record<string, unknown>[]) {
      const key = keyOf(r.key) === 0 ? null : keyOf(r.key);
      let sketch = out.get(key);
      if (!sketch) out.set(key, (sketch = new ClosureSketch()));
      sketch.add({ hoursBucket: Number(r.hoursBucket), workdays: Number(r.workdays), n: Number(r.n), onTime: Number(r.onTime), hoursSum: Number(r.hoursSum) });
    }
    return out;
  }

  /**
   * The grouping's rows (`dim`) and a condition keeping those of the report's subtree and the user's scope,
   * when the rollups can tell them: rollups kept at the configured zone's days, a scope that is a subtree (a
   * handler's, their unit's cases, is not one), no subtree finer than the rows are placed (`ROLLUP_DIMS`).
   */
  private async placed(user: AuthUser, p: Pick<ReportParams, 'unitPath'>, groupBy: GroupBy | null): Promise<{ dim: number; within: (qb: SelectQueryBuilder<ObjectLiteral>) => void } | null> {
    if (!this.clock.ready() || user.role === 'handler') return null;
    const { dim, placedAt } = ROLLUP_DIMS[groupBy ?? 'grid'];
    const subtrees = [p.unitPath, user.role === 'admin' ? null : user.scopePath].filter((s): s is string => !!s);
    if (!(await this.coarseEnough(subtrees, placedAt))) return null;
    // The places in the subtrees as a list the rows are checked against (a join had SQLite index the rows).
    const within = (qb: SelectQueryBuilder<ObjectLiteral>) =>
      subtrees.forEach((path, i) => qb.andWhere(`r.place_id IN (SELECT g.id FROM grid_units g WHERE g.path >= :lo${i} AND g.path < :hi${i})`, { [`lo${i}`]: path, [`hi${i}`]: subtreeUpperBound(path) }));
    return { dim, within };
  }

  /** The first and last local day of [start, end), when both ends are local midnights. */
  private wholeDays(start: Date, end: Date): { from: string; to: string } | null {
    const zone = this.config.timeZone;
    const [a, b] = [DateTime.fromJSDate(start, { zone }), DateTime.fromJSDate(end, { zone })];
    if (+a !== +a.startOf('day') || +b !== +b.startOf('day') || b <= a) return null;
    return { from: a.toISODate()!, to: b.minus({ days: 1 }).toISODate()! };
  }

  /** Whether no subtree is rooted strictly below the level the rows are placed at. */
  async coarseEnough(paths: string[], placedAt: 'grid' | 'community'): Promise<boolean> {
    const roots = paths.map((path) => pathIds(path).at(-1)).filter((id): id is number => id !== undefined);
    if (!roots.length) return true;
    const units: { level: string }[] = await reportMemo(`levels:${roots.join(',')}`, () =>
      onReportRunner(this.ds.createQueryBuilder().select('g.level', 'level').from('grid_units', 'g').where('g.id IN (:...roots)', { roots })).getRawMany(),
    );
    return units.length === new Set(roots).size && units.every((u) => !finerThan(u.level, placedAt));
  }
}
