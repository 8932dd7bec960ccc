import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../src/auth/auth-user.js';
import { createApp } from '../src/app.factory.js';
import { GROUP_BYS, type GroupBy } from '../src/reports/groups.js';
import { ClosureTimesService } from '../src/reports/closure-times.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { ROLLUP_ENGINE, type RollupEngine } from '../src/reports/rollups/rollup-store.js';
import { UserDirectory } from '../src/users/user-directory.service.js';
import { buildWorld, doAction, edit, logCase, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;
type App = TestApp['app'];

/**
 * Report rollups (reports/rollups/) against the cases they sum: after grid units move between communities,
 * when TIME_ZONE changes (the rollups are rebuilt at the new zone's days), in a zone with daylight saving
 * (reports read the cases), and on PostgreSQL after the appended changes are folded.
 */
describe('report rollups: the same counts as the cases, whatever moves', () => {
  let t: TestApp;
  let w: World;
  let admin: AuthUser;

  /** Every grouping, for every subtree of the demo world and the whole scope: rollups (when they serve) as the cases. */
  async function agree(app: App, label: string, expectServed?: boolean) {
    const reports = app.get(ReportsService);
    const now = new Date();
    const byKey = (rows: { key: number | null; counts: { cases: number } }[]) => new Map(rows.filter((r) => r.counts.cases > 0).map((r) => [r.key, r.counts]));
    let served = 0;
    for (const unitId of [undefined, ...Object.values(w.units)]) {
      const p = await reports.params({ from: day(-12), to: day(0), unitId }, admin, now);
      for (const g of [null, ...GROUP_BYS] as (GroupBy | null)[]) {
        if (await reports['rollups'].sums(admin, p, g)) served++;
        assert.deepEqual(byKey(await reports.counts(admin, p, now, g)), byKey(await reports.countCases(admin, p, now, g)), `${label}: unit ${unitId ?? 'all'} by ${g}`);
      }
    }
    if (expectServed !== undefined) assert.equal(served > 0, expectServed, `${label}: ${served} reports read from the rollups`);
    await closuresAgree(app, label, expectServed);
  }

  /** Closure times over half a year, whole months from the closure rollups: as the cases say, the hours within the stated bound. */
  async function closuresAgree(app: App, label: string, expectServed?: boolean) {
    const closures = app.get(ClosureTimesService);
    let served = 0;
    // Half a year to today, and one whose partial months are each mostly inside it (their rest taken away).
    const month = DateTime.now().setZone(t.config.timeZone).startOf('month');
    const periods = [
      { from: day(-190), to: day(0) },
      { from: month.minus({ months: 7 }).set({ day: 3 }).toISODate()!, to: month.minus({ months: 1 }).set({ day: 27 }).toISODate()! },
    ];
    const queries = periods.flatMap((period) => [undefined, ...Object.values(w.units)].flatMap((unitId) => GROUP_BYS.map((groupBy) => ({ ...period, unitId, groupBy }))));
    for (const q of queries) {
      const { unitId, groupBy } = q;
      const got = await closures.report(q, admin);
      const exact = await closures['exact'](admin, await app.get(ReportsService).params(q, admin));
      const where = `${label}: unit ${unitId ?? 'all'} by ${groupBy}`;
      if (got.hoursRelativeError === null) continue;
      served++;
      for (const r of [...got.rows, got.total]) {
        const e = r.key === null && r === got.total ? exact.total : exact.groups.get(r.key)!;
        assert.ok(e, `${where}: group ${r.key} has closed cases`);
        assert.deepEqual([r.closed, r.onTime, r.medianWorkdays, r.p90Workdays, r.maxWorkdays], [e.closed, e.onTime, e.medianWorkdays, e.p90Workdays, e.maxWorkdays], `${where}: group ${r.key}`);
        assert.ok(Math.abs(r.meanHours! - e.meanHours!) < 1e-6 && Math.abs(r.meanWorkdays! - e.meanWorkdays!) < 1e-9, `${where}: means`);
        for (const f of ['medianHours', 'p90Hours', 'maxHours'] as const) assert.ok(Math.abs(r[f]! - e[f]!) <= got.hoursRelativeError * e[f]! + 1e-9, `${where}: ${f} ${r[f]} vs ${e[f]}`);
      }
      assert.equal(got.rows.length, exact.groups.size, `${where}: the groups`);
    }
    if (expectServed !== undefined) assert.equal(served > 0, expectServed, `${label}: ${served} closure reports from the rollups`);
  }
  const day = (offsetDays: number, zone = t.config.timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(Date.now() + offsetDays * 24 * HOUR));

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    admin = (await t.app.get(UserDirectory).find(1))!;
    // Cases over the last ten days, around the clock (some before 08:00 in Shanghai: another day in UTC), in
    // every unit, some moved on: dispatched, contacted, closed, followed up.
    const units = [w.units.compound, w.units.grid1, w.units.grid2, w.units.zone, w.units.community, w.units.other, w.units.street];
    const categories = Object.values(w.categories);
    for (let i = 0; i < 42; i++) {
      const c = await logCase(t, w, w.admin, { gridUnitId: units[i % units.length], categoryId: categories[i % categories.length], channelId: Object.values(w.channels)[i % 3], receivedAt: new Date(Date.now() - (i * 5.7 + 1) * HOUR).toISOString() });
      if (i % 3 === 0) await doAction(t, w.admin, c, 'close_directly', { result: '已当场解决' });
      else if (i % 3 === 1) await doAction(t, w.admin, c, 'dispatch', { departmentId: w.departments.property });
    }
    // Closed cases received over the last half year, for closure times from the months' rollups.
    for (let i = 0; i < 24; i++) {
      const c = await logCase(t, w, w.admin, { gridUnitId: units[i % units.length], categoryId: categories[i % categories.length], channelId: Object.values(w.channels)[i % 3], receivedAt: new Date(Date.now() - (i * 7.3 + 15) * 24 * HOUR).toISOString() });
      await doAction(t, w.admin, c, 'close_directly', { result: '已当场解决' });
    }
  });
  after(() => t.close());

  it('agree as logged and acted on', async () => {
    await agree(t.app, 'as logged', true);
  });

  it('agree after a grid moves to another community and back', async () => {
    assert.equal((await edit(t.http, w.admin, `/grid-units/${w.units.grid2}`, { parentId: w.units.other })).status, 200);
    await agree(t.app, 'grid 2 under the other community');
    assert.equal((await edit(t.http, w.admin, `/grid-units/${w.units.grid2}`, { parentId: w.units.zone })).status, 200);
    await agree(t.app, 'grid 2 back');
  });

  it('are rebuilt at the days of a new TIME_ZONE, and not read in a zone with daylight saving', async () => {
    const ds = t.app.get(DataSource);
    const shift = async () => Number((await ds.query(`SELECT shift_minutes FROM report_rollup_clock WHERE id = 1`))[0].shift_minutes);
    assert.equal(await shift(), 480);
    for (const [zone, minutes, served] of [
      ['UTC', 0, true],
      ['Europe/Berlin', 0, false],
      ['Asia/Shanghai', 480, true],
    ] as const) {
      const app = await createApp({ ...t.config, timeZone: zone }, { logger: ['error'] });
      await app.init();
      try {
        assert.equal(await shift(), minutes, `${zone}: the clock`);
        await agree(app, zone, served);
      } finally {
        await app.close();
      }
    }
  });

  it('fold appended changes without changing a count (PostgreSQL; SQLite adds to the rows at once)', async () => {
    const ds = t.app.get(DataSource);
    const engine = t.app.get<RollupEngine>(ROLLUP_ENGINE);
    await logCase(t, w, w.admin, { gridUnitId: w.units.grid1 });
    await engine.fold?.(ds);
    for (const table of ['case_rollup_deltas', 'case_closure_rollup_deltas']) {
      const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
      assert.equal(Number(n), 0, `nothing left to fold in ${table}`);
    }
    await agree(t.app, 'folded', true);
  });
});
