import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Case } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { fieldError } from '../common/errors.js';
import { subtreeUpperBound } from '../common/tree.js';
import { instantMs } from '../common/time.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { GridService } from '../grid/grid.service.js';
import { GROUPS, keyOf, type GroupBy } from './groups.js';
import { bitOf, MEASURE_NAMES, RATES, rate, score, SCORE_WEIGHTS, TALLIES, type Measure, type Tally } from '../cases/case-measures.js';
import { parseReportParams, periodFilter, type ReportParams } from './report-params.js';
import { onReportRunner } from './report-reader.js';
import { fairFigures } from './fair-figures.js';
import { RollupReader } from './rollups/rollup-reader.js';
import { countsFromRollups, UNANSWERED_VALID } from './rollups/rollup-counts.js';

type Counts = Record<Measure | Tally | 'cases', number>;
const COUNTED = ['cases', ...MEASURE_NAMES, ...(Object.keys(TALLIES) as Tally[])] as const;

/** The rates and their trend (DOMAIN.md "What supervisors measure"), for a period, a subtree and a grouping. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly grid: GridService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupReader,
  ) {}

  params(q: Record<string, unknown>, user: AuthUser, now = new Date()) {
    return parseReportParams(q, { timeZone: this.config.timeZone, now, user, pathOf: (id) => this.grid.pathOf(id) });
  }

  /** The cases received in the period, in the subtree, that the user may see; read where reports read. */
  inPeriod(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>): SelectQueryBuilder<Case> {
    const qb = this.cases.scoped(user).andWhere('c.receivedAt >= :start AND c.receivedAt < :end', { start: p.start, end: p.end });
    if (p.unitPath) qb.andWhere('c.unitPath >= :unitLo AND c.unitPath < :unitHi', { unitLo: p.unitPath, unitHi: subtreeUpperBound(p.unitPath) });
    return onReportRunner(qb);
  }

  /**
   * Every measure counted per group: from the rollups when they can tell the groups apart (rollups/), with
   * the one figure that depends on the time of the report, responses falling due by now, counted among the
   * few valid cases not yet answered; else from the cases (`countCases`).
   */
  async counts(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitId' | 'unitPath'>, now: Date, groupBy: GroupBy | null): Promise<{ key: number | null; counts: Counts }[]> {
    const sums = await this.rollups.sums(user, p, groupBy);
    if (!sums) return this.countCases(user, p, now, groupBy);
    const key = groupBy ? `c.${GROUPS[groupBy].field}` : 'NULL';
    const qb = this.dueUnanswered(user, p, now).select(key, 'key').addSelect('COUNT(*)', 'n');
    if (groupBy) qb.groupBy(key);
    const due = new Map<number | null, number>((await qb.getRawMany()).map((r: Record<string, unknown>) => [keyOf(r.key), Number(r.n)]));
    return countsFromRollups(sums, due) as { key: number | null; counts: Counts }[];
  }

  /** The period's valid cases not yet answered whose response fell due by `now` (read through `idx_cases_unanswered`). */
  private dueUnanswered(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>, now: Date): SelectQueryBuilder<Case> {
    return this.inPeriod(user, p).andWhere(UNANSWERED_VALID).andWhere('c.responseDueAt <= :dueBy', { dueBy: now });
  }

  /**
   * The counts of consecutive spans: from the rollups' days in one read, with the valid unanswered cases
   * whose response fell due placed by their time of receipt; else one pass over the cases per span.
   */
  private async countsPerSpan(user: AuthUser, p: Pick<ReportParams, 'unitPath'>, spans: { start: Date; end: Date }[], now: Date): Promise<(Counts | undefined)[]> {
    const whole = { ...p, start: spans[0].start, end: spans[spans.length - 1].end };
    const days = await this.rollups.byDay(user, whole);
    if (!days) {
      const out: (Counts | undefined)[] = [];
      for (const span of spans) out.push((await this.countCases(user, { ...p, ...span }, now, null))[0]?.counts);
      return out;
    }
    const due: { at: Date | string }[] = await this.dueUnanswered(user, whole, now).select('c.receivedAt', 'at').getRawMany();
    const dueAt = due.map((r) => instantMs(r.at));
    const zone = this.config.timeZone;
    return spans.map((span) => {
      const summed: Record<string, number> = {};
      for (let d = DateTime.fromJSDate(span.start, { zone }); d.toMillis() < span.end.getTime(); d = d.plus({ days: 1 })) {
        for (const [c, v] of Object.entries(days.get(d.toISODate()!) ?? {})) summed[c] = (summed[c] ?? 0) + v;
      }
      const dueInSpan = dueAt.filter((t) => t >= span.start.getTime() && t < span.end.getTime()).length;
      return countsFromRollups(new Map([[null, summed]]), new Map([[null, dueInSpan]]))[0].counts as Counts;
    });
  }

  /**
   * Every measure counted per group, in one pass over the period's cases: the database groups them by key,
   * by the measures each counts in (the stored `measure_bits`) and by whether its response is due by now,
   * from the reports' covering index; the few hundred groups are added up here.
   */
  async countCases(user: AuthUser, p: Pick<ReportParams, 'start' | 'end' | 'unitPath'>, now: Date, groupBy: GroupBy | null): Promise<{ key: number | null; counts: Counts }[]> {
    const group = groupBy ? `c.${GROUPS[groupBy].field}` : null;
    const qb = this.inPeriod(user, p)
      .select(group ?? 'NULL', 'key')
      .addSelect('c.measureBits', 'bits')
      .addSelect('CASE WHEN c.responseDueAt <= :measureNow THEN 1 ELSE 0 END', 'dueNow')
      .addSelect('COUNT(*)', 'n');
    for (const [name, column] of Object.entries(TALLIES)) qb.addSelect(`SUM(${column})`, name);
    qb.setParameters({ measureNow: now });
    // By position: the key (a column, or NULL for one group) and the `dueNow` expression alike.
    qb.groupBy('1').addGroupBy('2').addGroupBy('3');
    const rows: Record<string, unknown>[] = await qb.getRawMany();
    const byKey = new Map<number | null, Counts>();
    const valid = bitOf('valid');
    const answered = bitOf('answered');
    for (const r of rows) {
      const key = keyOf(r.key);
      let c = byKey.get(key);
      if (!c) byKey.set(key, (c = Object.fromEntries(COUNTED.map((k) => [k, 0])) as Counts));
      const n = Number(r.n);
      const bits = Number(r.bits);
      c.cases += n;
      for (const m of MEASURE_NAMES) if (m !== 'response_due' && bits & bitOf(m)) c[m] += n;
      if (bits & valid && (bits & answered || Number(r.dueNow))) c.response_due += n;
      for (const t of Object.keys(TALLIES) as Tally[]) c[t] += Number(r[t] ?? 0);
    }
    return [...byKey].map(([key, counts]) => ({ key, counts }));
  }

  async rates(q: Record<string, unknown>, user: AuthUser) {
    const now = new Date();
    const p = await this.params(q, user, now);
    const spec = GROUPS[p.groupBy];
    const groups = await this.counts(user, p, now, p.groupBy);
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
        ...fairFigures(c, rates),
      };
    };
    const base = periodFilter(p);
    const rows = groups
      .map((g) => row(g.key, g.key === null ? null : (names.get(g.key) ?? null), g.counts, { ...base, [spec.field]: g.key }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.cases - a.cases);
    return { from: p.from, to: p.to, unitId: p.unitId, groupBy: p.groupBy, weights: SCORE_WEIGHTS, rows, total: row(null, null, total, base) };
  }

  /**
   * The three rates week by week (Monday to Sunday), oldest first: the last `weeks` weeks (the dashboard's
   * trend), or, given `from`/`to`, the weeks of that period, the first and last cut to it (`from`, `to` per week).
   */
  async trend(q: Record<string, unknown>, user: AuthUser) {
    const now = new Date();
    const ranged = (q.from !== undefined && q.from !== '') || (q.to !== undefined && q.to !== '');
    const weeks = q.weeks === undefined ? 12 : Number(q.weeks);
    if (!ranged && (!Number.isInteger(weeks) || weeks < 1 || weeks > 104)) throw fieldError('weeks', 'wholeBetween', { min: 1, max: 104 });
    const zone = this.config.timeZone;
    const p = await this.params(ranged ? q : { ...q, from: undefined, to: undefined }, user, now);
    const first = ranged ? DateTime.fromISO(p.from, { zone }).startOf('week') : DateTime.fromJSDate(now, { zone }).startOf('week').minus({ weeks: weeks - 1 });
    const last = ranged ? DateTime.fromISO(p.to, { zone }).startOf('week') : first.plus({ weeks: weeks - 1 });
    const count = Math.round(last.diff(first, 'weeks').weeks) + 1;
    const starts = Array.from({ length: count }, (_, i) => first.plus({ weeks: i }));
    const lo = ranged ? p.start.getTime() : -Infinity;
    const hi = ranged ? p.end.getTime() : Infinity;
    // One range of the reports' index per week: cheaper than deciding each case's week in SQL.
    const spans = starts.map((d) => ({ start: new Date(Math.max(lo, d.toMillis())), end: new Date(Math.min(hi, d.plus({ weeks: 1 }).toMillis())) }));
    const counts = await this.countsPerSpan(user, p, spans, now);
    const day = (d: Date) => DateTime.fromJSDate(d, { zone }).toISODate()!;
    return {
      unitId: p.unitId,
      ...(ranged ? { from: p.from, to: p.to } : {}),
      weeks: starts.map((d, i) => {
        const c = counts[i];
        return {
          weekStart: d.toISODate(),
          from: day(spans[i].start),
          to: day(new Date(spans[i].end.getTime() - 1)),
          cases: c?.cases ?? 0,
          responseRate: c ? rate(c.responded_on_time, c.response_due) : null,
          resolutionRate: c ? rate(c.followUpsResolved, c.followUps) : null,
          satisfactionRate: c ? rate(c.followUpsSatisfied, c.followUps) : null,
        };
      }),
    };
  }
}
