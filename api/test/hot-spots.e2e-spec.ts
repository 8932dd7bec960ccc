import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../src/auth/auth-user.js';
import { Case } from '../src/cases/case.entity.js';
import { readSightings } from '../src/reports/hot-spot-days.js';
import { HotSpotsService } from '../src/reports/hot-spots.service.js';
import { HotSpotFinder } from '../src/reports/hotspots.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { UserDirectory } from '../src/users/user-directory.service.js';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Hot spots under the default rule come from the per-day cache (reports/hot-spot-days.ts), its days marked by
 * triggers when cases change: whatever is logged, rejected or recategorised between two reports, the answer is
 * the finder's over the period's cases, and each spot's filter lists exactly its cases.
 */
describe('hot spots from the kept days: the same as the cases say, whatever changes', () => {
  let t: TestApp;
  let w: World;
  let admin: AuthUser;
  let ds: DataSource;

  const get = (path: string) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${w.admin}`);
  const listIds = async (f: Record<string, unknown>) => ((await get(`/cases?filter=${filter(f)}&range=[0,999]`)).body as { id: number }[]).map((c) => c.id).sort((a, b) => a - b);
  /** The local date (UTC+8, the tests' zone) of an instant. */
  const iso = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

  /** The finder over the period's cases (rejected aside), as the report read them before the cache. */
  async function expected(from: number, to: number) {
    const all = (await readSightings(ds.getRepository(Case).createQueryBuilder('c'), from, to)).sort((a, b) => a.at - b.at || a.id - b.id);
    const finder = new HotSpotFinder(5, DAY);
    for (const s of all) finder.add(s);
    return finder.clusters().map((c) => ({ unitId: c.unitId, categoryId: c.categoryId, caseIds: c.caseIds, exact: c.strays === 0 }));
  }

  async function answered(from: string, to: string) {
    const p = await t.app.get(ReportsService).params({ from, to }, admin);
    const { spots } = await t.app.get(HotSpotsService).find({}, admin, p, null);
    return spots
      .map((s) => ({ unitId: s.unitId, categoryId: s.categoryId, caseIds: s.caseIds, exact: !('id' in s.filter), filter: s.filter }))
      .sort((a, b) => a.unitId - b.unitId || a.categoryId - b.categoryId || a.caseIds[0] - b.caseIds[0]);
  }

  let seen = 0;
  async function agree(label: string, start: number, days: number) {
    const got = await answered(iso(start), iso(start + (days - 1) * DAY));
    assert.deepEqual(
      got.map(({ filter: _, ...s }) => s),
      await expected(start, start + days * DAY),
      label,
    );
    seen += got.length;
    for (const s of got) assert.deepEqual(await listIds(s.filter), [...s.caseIds].sort((a, b) => a - b), `${label}: the filter lists the spot's cases`);
  }

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    admin = (await t.app.get(UserDirectory).find(1))!;
    ds = t.app.get(DataSource);
  });
  after(() => t.close());

  it('random cases across midnights, then random rejects and category changes: the kept days follow', async () => {
    // grid 1 and its compound are one unit at grid level.
    const units = [w.units.grid1, w.units.compound, w.units.grid2, w.units.community];
    const categories = [w.categories.elevator, w.categories.heating];
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        // Bunched: each case within 30 hours after one of the six midnights from the day before the period on.
        fc.array(fc.record({ unit: fc.nat(3), category: fc.nat(3), day: fc.nat(5), minutes: fc.integer({ min: 0, max: 30 * 60 }) }), { minLength: 8, maxLength: 40 }),
        fc.array(fc.record({ pick: fc.nat(99), change: fc.constantFrom('reject', 'category', 'time') }), { maxLength: 6 }),
        async (cases, changes) => {
          // Each round in weeks of its own, long past (kept days need their window to be over), from local midnight (UTC+8).
          const start = Date.UTC(2026, 0, 1) - 8 * HOUR + round++ * 14 * DAY;
          // From the day before the period to the day after: the edges' windows reach outside it.
          const logged = [];
          for (const c of cases) {
            const at = start + (c.day - 1) * DAY + c.minutes * 60_000;
            logged.push(await logCase(t, w, w.admin, { gridUnitId: units[c.unit], categoryId: categories[c.category === 3 ? 1 : 0], receivedAt: new Date(at).toISOString() }));
          }
          await agree('as logged', start, 5);
          for (const { pick, change } of changes) {
            const c = logged[pick % logged.length];
            if (change === 'reject') {
              const now = (await get(`/cases/${c.id}`)).body;
              if (now.status === 'received') await doAction(t, w.admin, now, 'reject', { reason: '重复' });
            } else if (change === 'category') await ds.query(`UPDATE cases SET category_id = ${categories[0] + categories[1] - c.categoryId} WHERE id = ${c.id}`);
            else await ds.query(`UPDATE cases SET received_at = ${ds.options.type === 'postgres' ? `received_at + interval '9 hours'` : `strftime('%Y-%m-%d %H:%M:%f', received_at, '+9 hours')`} WHERE id = ${c.id}`);
          }
          await agree('after changes', start, 5);
        },
      ),
      { numRuns: Number(process.env.HOT_SPOT_RUNS ?? 8), seed: 20261202 },
    );
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM hot_spot_days`);
    assert.ok(Number(n) > 0, 'the days inside the periods were kept');
    assert.ok(seen > 0, 'some hot spots were compared');
  });

  it('a case rejected or moved to another category after a report changes the next; limit and the total in the headers', async () => {
    const grid = w.units.grid2;
    const base = Date.UTC(2025, 5, 10) - 8 * HOUR;
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await logCase(t, w, w.admin, { gridUnitId: grid, categoryId: w.categories.policy, receivedAt: new Date(base + DAY + i * 3 * HOUR).toISOString() })).id);
    const other = [];
    for (let i = 0; i < 5; i++) other.push(await logCase(t, w, w.admin, { gridUnitId: w.units.grid1, categoryId: w.categories.policy, receivedAt: new Date(base + 2 * DAY + i * HOUR).toISOString() }));
    const query = `/reports/hotspots?from=2025-06-10&to=2025-06-14`;
    const first = await get(query);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.map((s: { count: number }) => s.count), [6, 5]);
    assert.equal(first.headers['x-total-count'], '2');
    assert.equal(first.headers['content-range'], 'hotspots 0-1/2');
    const capped = await get(`${query}&limit=1`);
    assert.deepEqual([capped.body.length, capped.headers['x-total-count'], capped.headers['content-range']], [1, '2', 'hotspots 0-0/2']);
    assert.equal((await get(`${query}&limit=0`)).status, 400);
    assert.equal((await get(`${query}&limit=1001`)).status, 400);

    // One of the five rejected: four are no hot spot.
    const one = (await get(`/cases/${other[0].id}`)).body;
    await doAction(t, w.admin, one, 'reject', { reason: '无效' });
    assert.deepEqual((await get(query)).body.map((s: { count: number }) => s.count), [6]);
    // Two of the six moved to another category (as a correction written by any means): four are no hot spot either.
    const six = (await get(query)).body[0].caseIds as number[];
    await ds.query(`UPDATE cases SET category_id = ${w.categories.heating} WHERE id IN (${six.slice(0, 2).join(', ')})`);
    assert.deepEqual((await get(query)).body, []);
  });
});
