import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { pathIds, subtreeUpperBound } from '../../common/tree.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { GRID_LEVELS, type GridLevel } from '../../grid/grid-unit.entity.js';
import type { GroupBy } from '../groups.js';
import { keyOf } from '../groups.js';
import type { ReportParams } from '../report-params.js';
import { onReportRunner } from '../report-reader.js';
import { ROLLUP_CLOCK, type RollupClock } from './rollup-store.js';
import { ROLLUP_COLUMNS, ROLLUP_DIMS } from './rollup-columns.js';

export type RollupSums = Record<string, number>;

/** Whether a unit's level lies strictly below the rows' placement level: a subtree rooted there is finer than the rows. */
const finerThan = (level: string, placedAt: GridLevel) => GRID_LEVELS.indexOf(level as GridLevel) > GRID_LEVELS.indexOf(placedAt);
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
    if (!this.clock.ready() || user.role === 'handler') return null;
    const days = this.wholeDays(p.start, p.end);
    if (!days) return null;
    const { dim, placedAt } = ROLLUP_DIMS[groupBy ?? 'grid'];
    const subtrees = [p.unitPath, user.role === 'admin' ? null : user.scopePath].filter((s): s is string => !!s);
    if (!(await this.coarseEnough(subtrees, placedAt))) return null;
    const qb = this.ds
      .createQueryBuilder()
      .select(key ?? 'NULL', 'key')
      .from(BOTH, 'r')
      .setParameters({ dim, fromDay: days.from, toDay: days.to });
    for (const c of ROLLUP_COLUMNS) qb.addSelect(`SUM(r.${c})`, c);
    // The places in the subtrees as a list the rows are checked against (a join had SQLite index the rows).
    subtrees.forEach((path, i) => qb.andWhere(`r.place_id IN (SELECT g.id FROM grid_units g WHERE g.path >= :lo${i} AND g.path < :hi${i})`, { [`lo${i}`]: path, [`hi${i}`]: subtreeUpperBound(path) }));
    if (key) qb.groupBy(key);
    const rows: Record<string, unknown>[] = await onReportRunner(qb).getRawMany();
    const out = new Map<unknown, RollupSums>();
    for (const r of rows) if (r.n !== null && r.n !== undefined) out.set(r.key, Object.fromEntries(ROLLUP_COLUMNS.map((c) => [c, Number(r[c] ?? 0)])));
    return out;
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
    const units: { level: string }[] = await onReportRunner(this.ds.createQueryBuilder().select('g.level', 'level').from('grid_units', 'g').where('g.id IN (:...roots)', { roots })).getRawMany();
    return units.length === new Set(roots).size && units.every((u) => !finerThan(u.level, placedAt));
  }
}
