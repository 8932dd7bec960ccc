import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;

/** Issue 18 item 6: the watch list (关注名单) and 每月一题, on constructed cases whose answers are known. */
describe('visits before complaints: the watch list and the issue of the month', () => {
  let t: TestApp;
  let w: World;
  const get = (path: string, token: string) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
  const log = (body: Record<string, unknown>) => logCase(t, w, w.admin, body);

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('lists a phone or an address asking about one category again within 30 days, and compounds where a category recurs', async () => {
    const { property, heating, policy, elevator } = w.categories;
    const phone = '13900001111';
    // One caller: three property requests in the window, one of another category, one older than 30 days.
    const repeated = [await log({ reporterPhone: phone, receivedAt: daysAgo(20) }), await log({ reporterPhone: phone, receivedAt: daysAgo(10) }), await log({ reporterPhone: phone, receivedAt: daysAgo(2) })];
    await log({ reporterPhone: phone, categoryId: heating, receivedAt: daysAgo(3) });
    await log({ reporterPhone: phone, receivedAt: daysAgo(45) });
    // One door, nobody's phone: twice about the lift. Another door, always the same phone: shown once, by phone.
    const door = '小碱小区5号楼2单元301';
    const lift = [await log({ address: door, categoryId: elevator, receivedAt: daysAgo(6) }), await log({ address: door, categoryId: elevator, receivedAt: daysAgo(1) })];
    await log({ reporterPhone: '13900002222', address: '小碱小区7号楼1单元101', categoryId: policy, gridUnitId: w.units.grid2, receivedAt: daysAgo(8) });
    await log({ reporterPhone: '13900002222', address: '小碱小区7号楼1单元101', categoryId: policy, gridUnitId: w.units.grid2, receivedAt: daysAgo(4) });
    // A rejected request does not count: the same door asking a third time, turned away.
    const rejected = await log({ address: door, categoryId: elevator, receivedAt: daysAgo(5) });
    await doAction(t, w.admin, rejected, 'reject', { reason: '重复来电，已合并处理' });

    const res = await get('/reports/watch-list', w.users.supervisor.token);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const list = res.body;
    assert.ok(!JSON.stringify(list).includes(phone) && !JSON.stringify(list).includes(door), 'phones and addresses only masked');
    const byPhone = list.repeats.find((r: { who: string; categoryId: number }) => r.who === '139****1111' && r.categoryId === property);
    assert.ok(byPhone, JSON.stringify(list.repeats));
    assert.equal(byPhone.by, 'phone');
    assert.equal(byPhone.count, 3);
    assert.deepEqual(byPhone.cases.map((c: { id: number }) => c.id), repeated.map((c) => c.id).reverse(), 'latest first, the 45-day-old one left out');
    assert.equal(byPhone.placeName, '黄河路社区 小碱小区');
    assert.ok(!list.repeats.some((r: { who: string; categoryId: number }) => r.who === '139****1111' && r.categoryId === heating), 'one heating request is no repeat');
    const byDoor = list.repeats.find((r: { by: string }) => r.by === 'address');
    assert.deepEqual([byDoor.who, byDoor.categoryId, byDoor.count, byDoor.cases.map((c: { id: number }) => c.id)], ['小碱小区*号楼*单元***', elevator, 2, lift.map((c) => c.id).reverse()]);
    assert.equal(list.repeats.filter((r: { by: string }) => r.by === 'address').length, 1, 'the door always called from one phone is listed under the phone');
    assert.ok(list.repeats.some((r: { who: string; categoryId: number }) => r.who === '139****2222' && r.categoryId === policy));
    assert.equal(list.repeatsTotal, 3);

    // The compound: the window's property requests placed in it (the 45-day-old one aside), from min 3.
    const compound = list.compounds.find((c: { unitId: number; categoryId: number }) => c.unitId === w.units.compound && c.categoryId === property);
    assert.deepEqual([compound?.count, compound?.unitName, compound?.open], [3, '黄河路社区 小碱小区', 3]);
    assert.ok(!list.compounds.some((c: { categoryId: number }) => c.categoryId === elevator), 'two lift requests are under the default 3');
    // Its filter lists exactly its cases.
    const drill = await get(`/cases?filter=${encodeURIComponent(JSON.stringify(compound.filter))}`, w.users.supervisor.token);
    assert.deepEqual(drill.body.map((c: { id: number }) => c.id).sort(), repeated.map((c) => c.id).sort());
    assert.equal((await get('/reports/watch-list?min=2', w.users.supervisor.token)).body.compounds.length, 2, 'min 2: the lift too');
    const bad = await get('/reports/watch-list?min=1', w.users.supervisor.token);
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.min, JSON.stringify(bad.body));

    // Scope: the grid 1 worker sees the compound's repeats, not grid 2's; a handler sees only its unit's cases (none).
    const worker = (await get('/reports/watch-list', w.users.worker.token)).body;
    assert.ok(worker.repeats.some((r: { who: string }) => r.who === '139****1111') && !worker.repeats.some((r: { who: string }) => r.who === '139****2222'));
    assert.deepEqual((await get('/reports/watch-list', w.users.handler.token)).body.repeats, []);

    // The ledger file: masked as on screen.
    const csv = await get('/reports/watch-list.csv', w.users.supervisor.token);
    assert.equal(csv.status, 200);
    assert.ok(csv.text.includes('139****1111') && csv.text.includes('同一电话重复诉求') && !csv.text.includes(phone));
  });

  it('names each community’s most frequent category of a month, its share and its trend, the same from rollups and from cases', async () => {
    const { property, heating, policy } = w.categories;
    // Over a year back: the first test's requests (the last 45 days) stay out of these months.
    const month = DateTime.now().setZone(ZONE).startOf('month').minus({ months: 14 });
    const at = (m: DateTime, day: number) => m.plus({ days: day - 1, hours: 10 }).toJSDate().toISOString();
    const before = month.minus({ months: 1 });
    // 黄河路社区 (in the compound): property first both months; 长江路社区: heating this month, policy the month before.
    for (const d of [3, 9, 15]) await log({ categoryId: property, receivedAt: at(month, d) });
    await log({ categoryId: heating, receivedAt: at(month, 4) });
    for (const d of [5, 6]) await log({ categoryId: property, receivedAt: at(before, d) });
    await log({ categoryId: heating, receivedAt: at(before, 7) });
    for (const d of [2, 12]) await log({ categoryId: heating, gridUnitId: w.units.other, receivedAt: at(month, d) });
    await log({ categoryId: policy, gridUnitId: w.units.other, receivedAt: at(month, 20) });
    for (const d of [8, 9]) await log({ categoryId: policy, gridUnitId: w.units.other, receivedAt: at(before, d) });

    const res = await get(`/reports/monthly-issues?month=${month.toFormat('yyyy-MM')}`, w.users.supervisor.token);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const { rows, months } = res.body;
    assert.equal(months.length, 6);
    assert.equal(months[5], month.toFormat('yyyy-MM'));
    const hh = rows.find((r: { communityId: number }) => r.communityId === w.units.community);
    assert.deepEqual([hh.categoryId, hh.count, hh.total, hh.share, hh.monthsOnTop], [property, 3, 4, 0.75, 2]);
    assert.deepEqual(hh.trend.map((m: { count: number }) => m.count), [0, 0, 0, 0, 2, 3]);
    assert.deepEqual(hh.trend.map((m: { total: number }) => m.total), [0, 0, 0, 0, 3, 4]);
    const cj = rows.find((r: { communityId: number }) => r.communityId === w.units.other);
    assert.deepEqual([cj.categoryName, cj.count, cj.total, cj.monthsOnTop], ['供暖', 2, 3, 1]);
    assert.deepEqual(rows.map((r: { communityId: number }) => r.communityId), [w.units.community, w.units.other], 'the bigger issue first');
    // Its filter lists exactly the month's requests of it.
    const drill = await get(`/cases?filter=${encodeURIComponent(JSON.stringify(hh.filter))}`, w.users.supervisor.token);
    assert.equal(drill.body.length, 3);

    // A grid worker's scope is finer than the rollups' places: read from the cases, the same answer for 黄河路社区.
    const worker = (await get(`/reports/monthly-issues?month=${month.toFormat('yyyy-MM')}`, w.users.worker.token)).body;
    assert.deepEqual(worker.rows.map((r: { communityId: number }) => r.communityId), [w.units.community]);
    assert.deepEqual({ ...worker.rows[0] }, { ...hh });

    const bad = await get('/reports/monthly-issues?month=2026-13', w.users.supervisor.token);
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.month);
    assert.equal((await get(`/reports/monthly-issues.xlsx?month=${month.toFormat('yyyy-MM')}`, w.users.supervisor.token)).status, 200);
  });
});
