import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, edit, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

describe('cases: intake, numbers, due times, lists', () => {
  let t: TestApp;
  let w: World;
  const get = (path: string, token = w.admin) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('logs a case: number, status received, due times and its first timeline event', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token, { receivedAt: '2026-09-30T09:15:00+08:00' });
    assert.match(c.number, /^20260930-\d{4}$/);
    assert.equal(c.status, 'received');
    assert.equal(c.version, 1);
    // 物业管理: response 24 h, resolve 5 working days → Tuesday 2026-10-13, end of day (National Day skipped, 10-10 counted).
    assert.equal(c.responseDueAt, '2026-10-01T01:15:00.000Z');
    assert.equal(c.resolveDueAt, '2026-10-13T15:59:59.999Z');
    const events = await get(`/case-events?filter=${filter({ caseId: c.id })}`);
    assert.equal(events.body[0].action, 'create');
    assert.equal(events.body[0].toStatus, 'received');
    assert.equal(events.body[0].actorId, w.users.dispatcher.id);
    // Logged weeks after it came in: both clocks had run out, and the timeline says so (by the system).
    assert.deepEqual(events.body.slice(1).map((e: { action: string; data: { clock: string }; actorId: number | null }) => [e.action, e.data.clock, e.actorId]), [
      ['overdue', 'response', null],
      ['overdue', 'resolve', null],
    ]);
    assert.equal(c.overdue, true);
    assert.equal(c.version, 1, 'system marks do not change the version');
  });

  it('numbers are a daily serial, unique under concurrent intake', async () => {
    const at = '2026-11-02T10:00:00+08:00';
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => logCase(t, w, w.users.dispatcher.token, { title: `并发 ${i}`, receivedAt: at })));
    const numbers = made.map((c) => c.number).sort();
    assert.equal(new Set(numbers).size, 20);
    assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => `20261102-${String(i + 1).padStart(4, '0')}`));
  });

  it('takes limits from the nearest category (sub-category inherits the rest) and urgent limits for urgent cases', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.elevator, receivedAt: '2026-11-20T10:00:00+08:00' });
    assert.equal(c.responseDueAt, '2026-11-20T14:00:00.000Z', '12 h from the sub-category');
    assert.equal(c.resolveDueAt, '2026-11-27T15:59:59.999Z', '5 working days from the parent: Fri → next Fri');
    const u = await logCase(t, w, w.users.dispatcher.token, { priority: 'urgent', receivedAt: '2026-11-20T10:00:00+08:00' });
    assert.equal(u.responseDueAt, '2026-11-20T04:00:00.000Z', 'urgent: 2 h');
    assert.equal(u.resolveDueAt, '2026-11-21T02:00:00.000Z', 'urgent: 24 h');
    const h = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.heating, receivedAt: '2026-11-20T10:00:00+08:00' });
    assert.equal(h.resolveDueAt, '2026-11-21T02:00:00.000Z', 'heating resolves within 24 calendar hours');
  });

  it('a calendar correction changes later due times: a working day marked a holiday is skipped', async () => {
    // 政策咨询: 3 working days. Received Wednesday 2026-11-18: Thu 19, Fri 20, Mon 23.
    const before = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.policy, receivedAt: '2026-11-18T10:00:00+08:00' });
    assert.equal(before.resolveDueAt, '2026-11-23T15:59:59.999Z');
    const day = await t.http.post('/api/calendar-days').set('Authorization', `Bearer ${w.admin}`).send({ date: '2026-11-19', workday: false, name: '本地调整' });
    assert.equal(day.status, 201);
    const after = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.policy, receivedAt: '2026-11-18T10:00:00+08:00' });
    assert.equal(after.resolveDueAt, '2026-11-24T15:59:59.999Z');
    // And the other way: a Saturday made a working day counts.
    await t.http.post('/api/calendar-days').set('Authorization', `Bearer ${w.admin}`).send({ date: '2026-11-21', workday: true }).expect(201);
    const third = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.policy, receivedAt: '2026-11-18T10:00:00+08:00' });
    assert.equal(third.resolveDueAt, '2026-11-23T15:59:59.999Z');
    const dup = await t.http.post('/api/calendar-days').set('Authorization', `Bearer ${w.admin}`).send({ date: '2026-11-21', workday: false });
    assert.equal(dup.status, 409, 'one correction per day');
    assert.equal((await t.http.post('/api/calendar-days').set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ date: '2026-11-27', workday: false })).status, 403);
    const status = await get('/calendar/status');
    assert.equal(status.status, 200);
    assert.equal(typeof status.body.nextYearOfficial, 'boolean');
    assert.ok(status.body.officialTo >= 2026);
  });

  it('refuses bad intake with 400 naming each field, and saves nothing', async () => {
    const count = async () => Number((await get(`/cases?range=${filter([0, 0])}`)).headers['content-range'].split('/')[1]);
    const n = await count();
    const bad: [Record<string, unknown>, string][] = [
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ description: 'x'.repeat(5001) }, 'description'],
      [{ type: 'gossip' }, 'type'],
      [{ priority: 'whenever' }, 'priority'],
      [{ channelId: 'one' }, 'channelId'],
      [{ categoryId: 424242 }, 'categoryId'],
      [{ gridUnitId: 424242 }, 'gridUnitId'],
      [{ residentId: 424242 }, 'residentId'],
      [{ reporterPhone: 'call me' }, 'reporterPhone'],
      [{ receivedAt: '2026-10-01 10:00' }, 'receivedAt'],
      [{ receivedAt: '2026-10-01T10:00:00' }, 'receivedAt'],
      [{ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'receivedAt'],
      [{ lat: 123 }, 'lat'],
    ];
    for (const [patch, field] of bad) {
      const res = await t.http
        .post('/api/cases')
        .set('Authorization', `Bearer ${w.users.dispatcher.token}`)
        .send({ title: '测试', type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: w.units.compound, ...patch });
      assert.equal(res.status, 400, `${JSON.stringify(patch).slice(0, 60)} → ${res.status}`);
      assert.ok(res.body.errors?.[field], `expected errors.${field}: ${JSON.stringify(res.body)}`);
    }
    assert.equal(await count(), n, 'nothing saved');
    const missing = await t.http.post('/api/cases').set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({});
    assert.equal(missing.status, 400);
    for (const f of ['title', 'type', 'channelId', 'categoryId', 'gridUnitId']) assert.ok(missing.body.errors[f], f);
  });

  it('filters the list: status, unit subtree, keyword, received date range, overdue, key population', async () => {
    const r = await t.http.post('/api/residents').set('Authorization', `Bearer ${w.admin}`).send({ name: '王秀英', phone: '13912345678', gridUnitId: w.units.compound, address: '小碱小区5号楼', tags: ['elderly_alone'] });
    assert.equal(r.status, 201);
    const tagged = await logCase(t, w, w.users.worker.token, { title: '独居老人家中水管漏水', residentId: r.body.id, receivedAt: '2026-10-15T23:59:00+08:00' });
    assert.deepEqual(tagged.residentTags, ['elderly_alone']);
    assert.equal(tagged.reporterName, '王秀英');
    const elsewhere = await logCase(t, w, w.admin, { title: '长江路噪音扰民', gridUnitId: w.units.other, receivedAt: '2026-10-16T00:01:00+08:00' });

    const inCommunity = await get(`/cases?filter=${filter({ unitId: w.units.community })}&range=${filter([0, 999])}`);
    assert.ok(inCommunity.body.some((c: { id: number }) => c.id === tagged.id));
    assert.ok(!inCommunity.body.some((c: { id: number }) => c.id === elsewhere.id));

    const q = await get(`/cases?filter=${filter({ q: '水管' })}`);
    assert.deepEqual(q.body.map((c: { id: number }) => c.id), [tagged.id]);
    const byNumber = await get(`/cases?filter=${filter({ q: elsewhere.number })}`);
    assert.deepEqual(byNumber.body.map((c: { id: number }) => c.id), [elsewhere.id]);

    // Day boundaries in Asia/Shanghai: 23:59 on the 15th is the 15th, 00:01 on the 16th is not.
    const day15 = await get(`/cases?filter=${filter({ receivedAt_gte: '2026-10-15', receivedAt_lte: '2026-10-15' })}`);
    assert.deepEqual(day15.body.map((c: { id: number }) => c.id), [tagged.id]);
    const day16 = await get(`/cases?filter=${filter({ receivedAt_gte: '2026-10-16', receivedAt_lte: '2026-10-16' })}`);
    assert.deepEqual(day16.body.map((c: { id: number }) => c.id), [elsewhere.id]);

    const key = await get(`/cases?filter=${filter({ keyPopulation: true })}`);
    assert.deepEqual(key.body.map((c: { id: number }) => c.id), [tagged.id]);

    const status = await get(`/cases?filter=${filter({ status: ['received', 'dispatched'] })}&range=${filter([0, 999])}`);
    assert.ok(status.body.length > 0 && status.body.every((c: { status: string }) => c.status === 'received'));

    const fresh = await logCase(t, w, w.admin, { title: '刚刚受理' });
    const overdue = await get(`/cases?filter=${filter({ overdue: true })}&range=${filter([0, 999])}`);
    assert.ok(overdue.body.some((c: { id: number; overdue: boolean }) => c.id === tagged.id && c.overdue));
    assert.ok(!overdue.body.some((c: { id: number }) => c.id === fresh.id));
    assert.equal(fresh.dueState, 'green');
    const notOverdue = await get(`/cases?filter=${filter({ overdue: false })}&range=${filter([0, 999])}`);
    assert.ok(notOverdue.body.some((c: { id: number }) => c.id === fresh.id));
  });

  it('scopes lists and reads: a grid worker sees only their grid, a handler only their unit', async () => {
    const mine = await logCase(t, w, w.users.worker.token, { title: '1号网格的事' });
    const other = await logCase(t, w, w.admin, { title: '2号网格的事', gridUnitId: w.units.grid2 });
    const list = await get(`/cases?range=${filter([0, 999])}`, w.users.worker.token);
    assert.ok(list.body.some((c: { id: number }) => c.id === mine.id));
    assert.ok(!list.body.some((c: { id: number }) => c.id === other.id));
    assert.equal((await get(`/cases/${other.id}`, w.users.worker.token)).status, 404);
    const outside = await t.http.post('/api/cases').set('Authorization', `Bearer ${w.users.worker.token}`).send({ title: '越界', type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: w.units.grid2 });
    assert.equal(outside.status, 403);
    const handler = await get(`/cases?range=${filter([0, 999])}`, w.users.handler.token);
    assert.equal(handler.status, 200);
    assert.equal(handler.body.length, 0, 'nothing dispatched to the unit yet');
    const events = await get(`/case-events?filter=${filter({ caseId: other.id })}`, w.users.worker.token);
    assert.equal(events.body.length, 0, 'nor the timeline of a case out of scope');
  });

  it('masks phones in lists and for supervisors; shows them to intake staff on the case page', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token, { title: '看电话', reporterName: '李强', reporterPhone: '13800001111' });
    const list = await get(`/cases?filter=${filter({ id: [c.id] })}`, w.users.dispatcher.token);
    assert.equal(list.body[0].reporterPhone, '138****1111');
    assert.equal((await get(`/cases/${c.id}`, w.users.dispatcher.token)).body.reporterPhone, '13800001111');
    assert.equal((await get(`/cases/${c.id}`, w.users.supervisor.token)).body.reporterPhone, '138****1111');
    const residents = await get('/residents', w.users.dispatcher.token);
    assert.ok(residents.body.every((r: { phone: string | null }) => !r.phone || r.phone.includes('****')));
  });

  it('finds cases by Chinese words of two and four characters, by the reporter and by number; corrections re-index', async () => {
    const ids = (r: { body: { id: number }[] }) => r.body.map((c) => c.id).sort((a, b) => a - b);
    const lift = await logCase(t, w, w.users.dispatcher.token, { title: '幸福里3号楼电梯故障', description: '电梯停在五层，困人十分钟。', reporterName: '欧阳建国' });
    const lamp = await logCase(t, w, w.users.dispatcher.token, { title: '路灯不亮', description: '夜里两盏路灯不亮，行人摔倒。', address: '幸福里北门' });
    const drill = await logCase(t, w, w.users.dispatcher.token, { title: '装修电钻噪音', description: '周末早上七点开始。' });
    const search = async (q: string, token = w.admin) => ids(await get(`/cases?filter=${filter({ q })}&range=${filter([0, 99])}`, token));

    assert.deepEqual(await search('电梯'), [lift.id]);
    assert.deepEqual(await search('电梯故障'), [lift.id]);
    assert.deepEqual(await search('路灯不亮'), [lamp.id]);
    assert.deepEqual(await search('幸福里'), [lift.id, lamp.id], 'in the title of one and the address of the other');
    assert.deepEqual(await search('欧阳'), [lift.id], 'the reporter by name');
    assert.deepEqual(await search('电钻噪音'), [drill.id]);
    assert.deepEqual(await search('不灯'), [], 'both characters occur, the word does not');
    assert.deepEqual(await search(lamp.number), [lamp.id]);
    // The count in Content-Range is the number of matches, not of a page.
    const counted = await get(`/cases?filter=${filter({ q: '幸福里' })}&range=${filter([0, 0])}`);
    assert.match(counted.headers['content-range'], /\/2$/);
    // Scope still applies: a handler sees only cases dispatched to their unit, none of these.
    assert.deepEqual(await search('电梯', w.users.handler.token), []);

    const fixed = await t.http.put(`/api/cases/${drill.id}`).set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ title: '装修电锤噪音', version: 1 });
    assert.equal(fixed.status, 200);
    assert.deepEqual(await search('电锤'), [drill.id]);
    assert.deepEqual(await search('电钻'), [], 'the old word is gone from the index');
  });

  it('Content-Range counts what the list holds, for statuses and subtrees in every scope', async () => {
    const a = await logCase(t, w, w.users.dispatcher.token, { title: '计数甲' });
    await doAction(t, w.users.dispatcher.token, a, 'dispatch', { departmentId: w.departments.property });
    await logCase(t, w, w.users.dispatcher.token, { title: '计数乙', gridUnitId: w.units.grid2 });
    await logCase(t, w, w.admin, { title: '计数丙', gridUnitId: w.units.other });
    const lists: [string, Record<string, unknown>][] = [];
    for (const token of [w.admin, w.users.dispatcher.token, w.users.worker.token, w.users.supervisor.token, w.users.handler.token]) {
      for (const f of [{ overdue: true }, { overdue: false, status: 'received' }, { departmentId: w.departments.property }, { departmentId: null, status: 'received' }, { mine: true }, { mine: true, status: 'dispatched' }]) lists.push([token, f]);
      for (const f of [{}, { status: 'received' }, { status: ['received', 'dispatched'] }, { unitId: w.units.grid1 }, { unitId: w.units.other }, { unitId: w.units.community, status: 'dispatched' }, { status: 'closed' }]) lists.push([token, f]);
      for (const f of [{ q: '计数' }, { q: '计数', unitId: w.units.grid1 }, { q: '计数', unitId: w.units.other }, { q: '计数', unitId: w.units.street }, { q: '数' }]) lists.push([token, f]);
    }
    for (const [token, f] of lists) {
      const res = await get(`/cases?filter=${filter(f)}&range=${filter([0, 999])}`, token);
      assert.equal(res.status, 200);
      assert.equal(Number(res.headers['content-range'].split('/')[1]), res.body.length, `${JSON.stringify(f)}: the total is the rows there are`);
    }
    // A unit moved to another community takes its cases' keyword entries along.
    const moved = await edit(t.http, w.admin, `/grid-units/${w.units.grid2}`, { parentId: w.units.other });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const inOther = await get(`/cases?filter=${filter({ q: '计数', unitId: w.units.other })}&range=${filter([0, 99])}`);
    assert.deepEqual(inOther.body.map((c: { title: string }) => c.title).sort(), ['计数丙', '计数乙'].sort());
    assert.equal(inOther.headers['content-range'].split('/')[1], '2');
  });

  it('corrections are version-checked and written to the timeline', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token, { title: '错别字' });
    const ok = await t.http.put(`/api/cases/${c.id}`).set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ title: '更正后的标题', version: 1 });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.title, '更正后的标题');
    assert.equal(ok.body.version, 2);
    const stale = await t.http.put(`/api/cases/${c.id}`).set('Authorization', `Bearer ${w.users.worker.token}`).send({ title: '另一个人的改动', version: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.currentVersion, 2);
    const events = await get(`/case-events?filter=${filter({ caseId: c.id })}`);
    assert.deepEqual(events.body.map((e: { action: string }) => e.action), ['create', 'edit']);
    assert.deepEqual(events.body[1].data.changes.title, ['错别字', '更正后的标题']);
    assert.equal((await get(`/cases/${c.id}`)).body.title, '更正后的标题', 'the stale write changed nothing');
    assert.equal((await t.http.delete(`/api/cases/${c.id}`).set('Authorization', `Bearer ${w.admin}`)).status, 403, 'cases are never deleted');
  });
});
