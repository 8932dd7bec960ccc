import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Case } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { fieldError } from '../common/errors.js';
import { subtreeUpperBound } from '../common/tree.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { GridService } from '../grid/grid.service.js';
import { GROUPS, keyOf } from './groups.js';
import { MEASURE_NAMES, MEASURES, RATES, rate, score, SCORE_WEIGHTS, TALLIES, type Measure, type Tally } from './measures.js';
import { parseReportParams, periodFilter, type ReportParams } from './report-params.js';
import { summarize } from './stats.js';

type Counts = Record<Measure | Tally | 'cases', number>;
const COUNTED = ['cases', ...MEASURE_NAMES, ...(Object.keys(TALLIES) as Tally[])] as const;

/** Closure times and the rates (DOMAIN.md "What supervisors measure"), for a period, a subtree and a grouping. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly grid: GridService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  params(q: Record<string, unknown>, user: AuthUser, now = new Date()) {
    return parseReportParams(q, { timeZone: this.config.timeZone, now, user, pathOf: (id) => this.grid.pathOf(id) });
  }

  /** The cases received in the period, in the subtree, that the user may see. */
  inPeriod(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>): SelectQueryBuilder<Case> {
    const qb = this.cases.scoped(user).andWhere('c.receivedAt >= :start AND c.receivedAt < :end', { start: p.start, end: p.end });
    if (p.unitPath) qb.andWhere('c.unitPath >= :unitLo AND c.unitPath < :unitHi', { unitLo: p.unitPath, unitHi: subtreeUpperBound(p.unitPath) });
    return qb;
  }

  /** Every measure counted per group, in one pass over the period's cases. */
  async counts(
    user: AuthUser,
    p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>,
    now: Date,
    group: string | null,
    params: Record<string, unknown> = {},
    measures: readonly Measure[] = MEASURE_NAMES,
  ): Promise<{ key: number | null; counts: Counts }[]> {
    const qb = this.inPeriod(user, p).select(group ?? 'NULL', 'key').addSelect('COUNT(*)', 'cases');
    // A condition is 0 or 1 in SQLite, summed as it is (a CASE per measure and row costs half the query
    // at a million cases); PostgreSQL counts with FILTER.
    const pg = this.ds.options.type === 'postgres';
    for (const m of measures) qb.addSelect(pg ? `COUNT(*) FILTER (WHERE ${MEASURES[m]})` : `SUM(${MEASURES[m]})`, m);
    for (const [name, column] of Object.entries(TALLIES)) qb.addSelect(`SUM(${column})`, name);
    qb.setParameters({ ...params, measureNow: now, measureTrue: true });
    if (group) qb.groupBy(group);
    const rows: Record<string, unknown>[] = await qb.getRawMany();
    return rows.map((r) => ({ key: keyOf(r.key), counts: Object.fromEntries(COUNTED.map((k) => [k, Number(r[k] ?? 0)])) as Counts }));
  }

  async rates(q: Record<string, unknown>, user: AuthUser) {
    const now = new Date();
    const p = await this.params(q, user, now);
    const spec = GROUPS[p.groupBy];
    const groups = await this.counts(user, p, now, `c.${spec.field}`);
    const names = await spec.names(this.ds.manager, groups.map((g) => g.key).filter((k): k is number => k !== null));
    const total = Object.fromEntries(COUNTED.map((k) => [k, groups.reduce((a, g) => a + g.counts[k], 0)])) as Counts;
    const row = (key: number | null, name: string | null, c: Counts, filter: Record<string, unknown>) => {
      const rates = Object.fromEntries(Object.entries(RATES).map(([k, [num, den]]) => [k, rate(c[num], c[den])])) as Record<keyof typeof RATES, number | null>;
      return {
        key,
        name,
        filter,
        cases: c.cases,
        valid: c.valid,
        responseDue: c.response_due,
        respondedOnTime: c.responded_on_time,
        followUps: c.followUps,
        followUpsResolved: c.followUpsResolved,
        followUpsSatisfied: c.followUpsSatisfied,
        followedUp: c.followed_up,
        unresolved: c.unresolved,
        unsatisfied: c.unsatisfied,
        closed: c.closed,
        closedOnTime: c.closed_on_time,
        direct: c.direct,
        dispatched: c.dispatched,
        returned: c.returned,
        reopenBase: c.reopen_base,
        reopened: c.reopened,
        repeat: c.repeat,
        ...rates,
        score: score(rates),
      };
    };
    const base = periodFilter(p);
    const rows = groups
      .map((g) => row(g.key, g.key === null ? null : (names.get(g.key) ?? null), g.counts, { ...base, [spec.field]: g.key }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.cases - a.cases);
    return { from: p.from, to: p.to, unitId: p.unitId, groupBy: p.groupBy, weights: SCORE_WEIGHTS, rows, total: row(null, null, total, base) };
  }

  /** The three rates week by week (Monday to Sunday), oldest first, for the dashboard's trend. */
  async trend(q: Record<string, unknown>, user: AuthUser) {
    const now = new Date();
    const weeks = q.weeks === undefined ? 12 : Number(q.weeks);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) throw fieldError('weeks', 'must be a whole number from 1 to 104');
    const p = await this.params({ ...q, from: undefined, to: undefined }, user, now);
    const monday = DateTime.fromJSDate(now, { zone: this.config.timeZone }).startOf('week');
    const starts = Array.from({ length: weeks + 1 }, (_, i) => monday.minus({ weeks: weeks - 1 - i }));
    const bucket = `CASE ${starts.slice(1).map((_, i) => `WHEN c.receivedAt < :week${i} THEN ${i}`).join(' ')} END`;
    const period = { ...p, start: starts[0].toJSDate(), end: starts[weeks].toJSDate() };
    const weekParams = Object.fromEntries(starts.slice(1).map((d, i) => [`week${i}`, d.toJSDate()]));
    // Only what the trend shows: a quarter's cases are counted in one narrow pass.
    const groups = await this.counts(user, period, now, bucket, weekParams, ['responded_on_time', 'response_due']);
    const byWeek = new Map(groups.map((g) => [g.key, g.counts]));
    return {
      unitId: p.unitId,
      weeks: starts.slice(0, weeks).map((d, i) => {
        const c = byWeek.get(i);
        return {
          weekStart: d.toISODate(),
          cases: c?.cases ?? 0,
          responseRate: c ? rate(c.responded_on_time, c.response_due) : null,
          resolutionRate: c ? rate(c.followUpsResolved, c.followUps) : null,
          satisfactionRate: c ? rate(c.followUpsSatisfied, c.followUps) : null,
        };
      }),
    };
  }

  async closureTimes(q: Record<string, unknown>, user: AuthUser) {
    const now = new Date();
    const p = await this.params(q, user, now);
    const spec = GROUPS[p.groupBy];
    const rows: Record<string, unknown>[] = await this.inPeriod(user, p)
      .select(`c.${spec.field}`, 'key')
      .addSelect('c.closeHours', 'hours')
      .addSelect('c.closeWorkdays', 'workdays')
      .addSelect(`CASE WHEN ${MEASURES.closed_on_time} THEN 1 ELSE 0 END`, 'onTime')
      .andWhere(MEASURES.closed)
      .andWhere('c.closeHours IS NOT NULL')
      .getRawMany();
    const byKey = new Map<number | null, { hours: number[]; workdays: number[]; onTime: number }>();
    const all = { hours: [] as number[], workdays: [] as number[], onTime: 0 };
    for (const r of rows) {
      const key = keyOf(r.key);
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { hours: [], workdays: [], onTime: 0 }));
      for (const into of [g, all]) {
        into.hours.push(Number(r.hours));
        into.workdays.push(Number(r.workdays));
        into.onTime += Number(r.onTime);
      }
    }
    const names = await spec.names(this.ds.manager, [...byKey.keys()].filter((k): k is number => k !== null));
    const row = (key: number | null, name: string | null, g: typeof all, filter: Record<string, unknown>) => {
      const h = summarize(g.hours);
      const d = summarize(g.workdays);
      return {
        key,
        name,
        filter,
        closed: g.hours.length,
        onTime: g.onTime,
        onTimeRate: rate(g.onTime, g.hours.length),
        meanHours: h.mean,
        medianHours: h.median,
        p90Hours: h.p90,
        maxHours: h.max,
        meanWorkdays: d.mean,
        medianWorkdays: d.median,
        p90Workdays: d.p90,
        maxWorkdays: d.max,
      };
    };
    const base = periodFilter(p);
    const out = [...byKey].map(([key, g]) => row(key, key === null ? null : (names.get(key) ?? null), g, { ...base, [spec.field]: key })).sort((a, b) => b.closed - a.closed);
    return { from: p.from, to: p.to, unitId: p.unitId, groupBy: p.groupBy, rows: out, total: row(null, null, all, base) };
  }
}
