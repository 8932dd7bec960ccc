import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { bitOf, rate } from '../cases/case-measures.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { SQL_DIALECT, type SqlDialect } from '../database/sql-dialect.js';
import { GROUPS, keyOf } from './groups.js';
import { periodFilter, type ReportParams } from './report-params.js';
import { ReportsService } from './reports.service.js';
import { ClosureSketch, HOURS_RELATIVE_ERROR, hoursBucketSql } from './rollups/closure-sketch.js';
import { RollupReader } from './rollups/rollup-reader.js';

/** Periods at least this long read their whole months from the closure rollups; shorter ones read the cases, exactly. */
const ROLLUPS_FROM_DAYS = 62;

type Summary = ReturnType<ClosureSketch['summary']>;
/** Closed cases counted only by the closed bit and a closing time: the reports' index serves it, not `status`. */
const CLOSED = `(c.measureBits & ${bitOf('closed')}) <> 0 AND c.closeHours IS NOT NULL`;

/**
 * 办结用时 (CONTRACT.md "Reports"): closed cases' count, mean, median and 90th percentile (linear
 * interpolation, as `percentile_cont`) and maximum, in hours and in working days, and the on-time rate.
 * A period of a couple of months or less is summarised by the database from the cases, exactly. A longer
 * one reads its whole months from the closure rollups and its first and last days from the cases, bucketed
 * the same way: counts, means and working days stay exact, the hours' percentiles and maximum are within
 * `hoursRelativeError` (under 2.5 %), which the answer states.
 */
@Injectable()
export class ClosureTimesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly rollups: RollupReader,
    @Inject(SQL_DIALECT) private readonly sql: SqlDialect,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(q: Record<string, unknown>, user: AuthUser) {
    const p = await this.reports.params(q, user);
    const spec = GROUPS[p.groupBy];
    const sketched = await this.fromRollups(user, p);
    const { groups, total } = sketched ?? (await this.exact(user, p));
    const names = await spec.names(this.ds.manager, [...groups.keys()].filter((k): k is number => k !== null));
    // Closure times are ledger time (less the time paused); the time paused is reported beside them.
    const paused = new Map((await this.reports.counts(user, p, new Date(), p.groupBy)).map((g) => [g.key, g.counts.pausedMinutes / 60]));
    const base = periodFilter(p);
    const row = (key: number | null, s: Summary | undefined, filter: Record<string, unknown>) => ({
      key,
      name: key === null ? null : (names.get(key) ?? null),
      filter,
      ...(s ?? new ClosureSketch().summary()),
      onTimeRate: rate(s?.onTime ?? 0, s?.closed ?? 0),
      pausedHours: key === null ? [...paused.values()].reduce((a, h) => a + h, 0) : (paused.get(key) ?? 0),
    });
    const rows = [...groups].map(([key, s]) => row(key, s, { ...base, [spec.field]: key })).sort((a, b) => b.closed - a.closed);
    return { from: p.from, to: p.to, unitId: p.unitId, groupBy: p.groupBy, hoursRelativeError: sketched ? HOURS_RELATIVE_ERROR : null, rows, total: row(null, total, base) };
  }

  /** Months from the rollups, the spans at the ends from the cases (`monthsOf`); null when the rollups cannot serve. */
  private async fromRollups(user: AuthUser, p: ReportParams): Promise<{ groups: Map<number | null, Summary>; total: Summary } | null> {
    const split = monthsOf(p.start, p.end, this.config.timeZone);
    const sketches = split && (await this.rollups.closures(user, p, p.groupBy, split.months));
    if (!sketches) return null;
    for (const edge of split.edges) {
      const rows: Record<string, unknown>[] = await this.reports
        .inPeriod(user, { ...p, start: edge.start, end: edge.end })
        .select(`c.${GROUPS[p.groupBy].field}`, 'key')
        .addSelect(hoursBucketSql('c.closeHours'), 'hoursBucket')
        .addSelect('COALESCE(c.closeWorkdays, -1)', 'workdays')
        .addSelect('COUNT(*)', 'n')
        .addSelect(`SUM(CASE WHEN (c.measureBits & ${bitOf('closed_on_time')}) <> 0 THEN 1 ELSE 0 END)`, 'onTime')
        .addSelect('SUM(c.closeHours)', 'hoursSum')
        .andWhere(CLOSED)
        .groupBy('1')
        .addGroupBy('2')
        .addGroupBy('3')
        .getRawMany();
      for (const r of rows) {
        const key = keyOf(r.key);
        if (!sketches.has(key)) sketches.set(key, new ClosureSketch());
        const sign = edge.sign;
        sketches.get(key)!.add({ hoursBucket: Number(r.hoursBucket), workdays: Number(r.workdays), n: sign * Number(r.n), onTime: sign * Number(r.onTime), hoursSum: sign * Number(r.hoursSum) });
      }
    }
    const all = new ClosureSketch();
    const groups = new Map<number | null, Summary>();
    for (const [key, sketch] of sketches) {
      if (!sketch.closed) continue;
      all.merge(sketch);
      groups.set(key, sketch.summary());
    }
    return { groups, total: all.summary() };
  }

  /** Summarised by the database over the period's cases: one pass for the groups and one for the total. */
  private async exact(user: AuthUser, p: ReportParams): Promise<{ groups: Map<number | null, Summary>; total: Summary }> {
    const pct = (column: string, f: number) => this.sql.percentile(column, f);
    const summary = async (key: string | null) => {
      const qb = this.reports
        .inPeriod(user, p)
        .select(key ?? 'NULL', 'key')
        .addSelect('COUNT(*)', 'closed')
        .addSelect(`SUM(CASE WHEN (c.measureBits & ${bitOf('closed_on_time')}) <> 0 THEN 1 ELSE 0 END)`, 'onTime');
      for (const [name, column] of [['Hours', 'c.closeHours'], ['Workdays', 'c.closeWorkdays']]) {
        qb.addSelect(`AVG(${column})`, `mean${name}`).addSelect(pct(column, 0.5), `median${name}`).addSelect(pct(column, 0.9), `p90${name}`).addSelect(`MAX(${column})`, `max${name}`);
      }
      qb.andWhere(CLOSED);
      if (key) qb.groupBy(key);
      return ((await qb.getRawMany()) as Record<string, unknown>[]).map((r) => [keyOf(r.key), figures(r)] as const);
    };
    const groups = new Map(await summary(`c.${GROUPS[p.groupBy].field}`));
    const [[, total] = [null, figures({})]] = await summary(null);
    return { groups, total };
  }
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const FIGURES = ['meanHours', 'medianHours', 'p90Hours', 'maxHours', 'meanWorkdays', 'medianWorkdays', 'p90Workdays', 'maxWorkdays'] as const;
const figures = (r: Record<string, unknown>): Summary =>
  ({ closed: Number(r.closed ?? 0), onTime: Number(r.onTime ?? 0), ...Object.fromEntries(FIGURES.map((f) => [f, num(r[f])])) }) as Summary;

/** A span of the period read from the cases: added to the months' sketches, or taken from them (`sign` −1). */
export interface EdgeSpan {
  start: Date;
  end: Date;
  sign: 1 | -1;
}

/**
 * A long period as local months (first days, inclusive) and the spans at its ends read from the cases; null
 * for a period under ROLLUPS_FROM_DAYS days or without a whole month. A partial month at either end is its
 * days added to the whole months, or, when the rest of that month is shorter, the month itself with the rest
 * taken away (sketches are counts: exactly). "The last 365 days" then reads some 3 days of cases, not 31.
 */
export function monthsOf(start: Date, end: Date, zone: string): { months: { from: string; to: string }; edges: EdgeSpan[] } | null {
  const [a, b] = [DateTime.fromJSDate(start, { zone }), DateTime.fromJSDate(end, { zone })];
  if (b.diff(a, 'days').days < ROLLUPS_FROM_DAYS) return null;
  const whole = +a === +a.startOf('month') ? a : a.startOf('month').plus({ months: 1 });
  const after = b.startOf('month');
  if (after <= whole) return null;
  let [from, to] = [whole, after.minus({ months: 1 })];
  const edges: { start: DateTime; end: DateTime; sign: 1 | -1 }[] = [];
  if (a < whole) {
    const monthStart = a.startOf('month');
    if (+a - +monthStart < +whole - +a) {
      from = monthStart;
      edges.push({ start: monthStart, end: a, sign: -1 });
    } else edges.push({ start: a, end: whole, sign: 1 });
  }
  if (after < b) {
    const monthEnd = after.plus({ months: 1 });
    if (+monthEnd - +b < +b - +after) {
      to = after;
      edges.push({ start: b, end: monthEnd, sign: -1 });
    } else edges.push({ start: after, end: b, sign: 1 });
  }
  return { months: { from: from.toISODate()!, to: to.toISODate()! }, edges: edges.map((e) => ({ start: e.start.toJSDate(), end: e.end.toJSDate(), sign: e.sign })) };
}
