import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { measureBitsSql } from '../src/cases/case-measures.js';
import { buildWorld, edit, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Intake answers from what it wrote and keeps channels, categories, grid units and the calendar in memory
 * (cases/intake*.ts): the answer must be the case as GET reads it back, and a change to the reference data,
 * made through this instance or another one on the same database, must count from the next intake on.
 */
describe('intake: the answer is the stored case; reference data is never stale', () => {
  let t: TestApp;
  let w: World;
  let second: ReturnType<typeof request>;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (path: string) => t.http.get(`/api${path}`).set(as(w.admin));
  /** Through the second instance: what another server (or a colleague on it) does. */
  const elsewhere = {
    post: (path: string, body: object) => second.post(`/api${path}`).set(as(w.admin)).send(body),
    put: (path: string, body: Record<string, unknown>) => edit(second, w.admin, path, body),
  };

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    second = request((await t.another()).getHttpServer());
  });
  after(() => t.close());

  it('answers 201 with exactly the case GET /cases/:id returns: every field, value and key order', async () => {
    const r = await t.http.post('/api/residents').set(as(w.admin)).send({ name: '王秀英', phone: '13900001111', gridUnitId: w.units.compound, address: '小碱小区5号楼', tags: ['elderly_alone'] });
    assert.equal(r.status, 201);
    const bodies: Record<string, unknown>[] = [
      {},
      { residentId: r.body.id, lat: 36.6171, lng: 101.7782, priority: 'urgent', description: '独居老人家中停水' },
      // Logged weeks late: overdue flags set at intake, with their events.
      { receivedAt: '2026-09-30T09:15:00+08:00', reporterName: '李先生', reporterPhone: '13912340000', address: '3号楼' },
      // The same reporter and category again within 30 days: a repeat.
      { receivedAt: '2026-10-05T10:00:00+08:00', reporterPhone: '13912340000' },
    ];
    for (const [token, body] of [[w.users.dispatcher.token, bodies[0]], [w.users.worker.token, bodies[1]], [w.admin, bodies[2]], [w.users.dispatcher.token, bodies[3]]] as const) {
      const created = await logCase(t, w, token, body);
      const read = await t.http.get(`/api/cases/${created.id}`).set(as(token));
      assert.equal(read.status, 200);
      assert.deepStrictEqual(created, read.body);
      assert.deepStrictEqual(Object.keys(created), Object.keys(read.body), 'same key order');
    }
    const repeat = (await get(`/cases?filter=${filter({ reporterPhone: '13912340000' })}`)).body;
    assert.deepEqual(repeat.map((c: { isRepeat: boolean }) => c.isRepeat).sort(), [false, true]);
    const tagged = (await get(`/cases?filter=${filter({ keyPopulation: true })}`)).body;
    assert.deepEqual(tagged.map((c: { residentTags: string[]; reporterName: string }) => [c.residentTags, c.reporterName]), [[['elderly_alone'], '王秀英']]);
  });

  it('a category’s new limits count from the next intake, changed here or on another instance', async () => {
    const at = '2026-11-20T10:00:00+08:00';
    const first = await logCase(t, w, w.admin, { categoryId: w.categories.heating, receivedAt: at });
    assert.equal(first.responseDueAt, '2026-11-20T04:00:00.000Z', '供暖: response within 2 h');
    assert.equal((await edit(t.http, w.admin, `/categories/${w.categories.heating}`, { responseHours: 3 })).status, 200);
    assert.equal((await logCase(t, w, w.admin, { categoryId: w.categories.heating, receivedAt: at })).responseDueAt, '2026-11-20T05:00:00.000Z');
    assert.equal((await elsewhere.put(`/categories/${w.categories.heating}`, { responseHours: 4 })).status, 200);
    assert.equal((await logCase(t, w, w.admin, { categoryId: w.categories.heating, receivedAt: at })).responseDueAt, '2026-11-20T06:00:00.000Z');
    // A parent's limits reach its sub-categories: 电梯故障 takes its resolution from 物业管理.
    assert.equal((await elsewhere.put(`/categories/${w.categories.property}`, { resolveLimit: 48, resolveUnit: 'hours' })).status, 200);
    assert.equal((await logCase(t, w, w.admin, { categoryId: w.categories.elevator, receivedAt: at })).resolveDueAt, '2026-11-22T02:00:00.000Z');
    assert.equal((await elsewhere.put(`/categories/${w.categories.property}`, { resolveLimit: 5, resolveUnit: 'workdays' })).status, 200);
    // Withdrawn elsewhere: refused here at once.
    assert.equal((await elsewhere.put(`/categories/${w.categories.policy}`, { active: false })).status, 200);
    const refused = await t.http.post('/api/cases').set(as(w.admin)).send({ title: '咨询', type: 'consult', channelId: w.channels.hotline, categoryId: w.categories.policy, gridUnitId: w.units.compound });
    assert.equal(refused.status, 400);
    assert.ok(refused.body.errors.categoryId);
    assert.equal((await elsewhere.put(`/categories/${w.categories.policy}`, { active: true })).status, 200);
  });

  it('a calendar correction made on another instance counts from the next intake here', async () => {
    // 政策咨询: 3 working days. Received Wednesday 2026-11-11: Thu 12, Fri 13, Mon 16.
    const at = '2026-11-11T10:00:00+08:00';
    assert.equal((await logCase(t, w, w.admin, { categoryId: w.categories.policy, receivedAt: at })).resolveDueAt, '2026-11-16T15:59:59.999Z');
    const day = await elsewhere.post('/calendar-days', { date: '2026-11-12', workday: false, name: '本地调整' });
    assert.equal(day.status, 201);
    assert.equal((await logCase(t, w, w.admin, { categoryId: w.categories.policy, receivedAt: at })).resolveDueAt, '2026-11-17T15:59:59.999Z');
    assert.equal((await elsewhere.put(`/calendar-days/${day.body.id}`, { workday: true })).status, 200);
    assert.equal((await logCase(t, w, w.admin, { categoryId: w.categories.policy, receivedAt: at })).resolveDueAt, '2026-11-16T15:59:59.999Z');
  });

  it('grid units and channels added, moved or withdrawn on another instance count at once here', async () => {
    const grid3 = await elsewhere.post('/grid-units', { name: '3号网格', code: 'HHL-G3', level: 'grid', parentId: w.units.zone });
    assert.equal(grid3.status, 201);
    const building = await elsewhere.post('/grid-units', { name: '8号楼', code: 'HHL-G3-8', level: 'building', parentId: grid3.body.id });
    const c = await logCase(t, w, w.users.dispatcher.token, { gridUnitId: building.body.id });
    assert.deepEqual([c.communityId, c.gridId], [w.units.community, grid3.body.id]);

    // The building moves to another community's grid: later cases are reported there, and in scope there.
    const cjGrid = await elsewhere.post('/grid-units', { name: '长江路1号网格', code: 'CJL-G1', level: 'grid', parentId: w.units.other });
    assert.equal((await elsewhere.put(`/grid-units/${building.body.id}`, { parentId: cjGrid.body.id })).status, 200);
    const moved = await logCase(t, w, w.admin, { gridUnitId: building.body.id });
    assert.deepEqual([moved.communityId, moved.gridId], [w.units.other, cjGrid.body.id]);
    const refused = await t.http.post('/api/cases').set(as(w.users.dispatcher.token)).send({ title: '楼道堆物', type: 'report', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: building.body.id });
    assert.equal(refused.status, 403, 'the dispatcher of 黄河路社区 no longer covers it');

    const channel = await elsewhere.post('/channels', { name: '人民网留言板', code: 'people_cn', group: 'online' });
    assert.equal((await logCase(t, w, w.admin, { channelId: channel.body.id })).channelId, channel.body.id);
    assert.equal((await elsewhere.put(`/channels/${channel.body.id}`, { active: false })).status, 200);
    const stale = await t.http.post('/api/cases').set(as(w.admin)).send({ title: '留言', type: 'consult', channelId: channel.body.id, categoryId: w.categories.property, gridUnitId: w.units.compound });
    assert.equal(stale.status, 400);
    assert.ok(stale.body.errors.channelId);
  });

  it('intakes arriving together are written together; a bad one fails alone and saves nothing', async () => {
    const count = async () => Number((await get(`/cases?range=${filter([0, 0])}`)).headers['content-range'].split('/')[1]);
    const n = await count();
    const at = '2026-11-10T10:00:00+08:00';
    const good = (i: number) => ({ title: `同时受理 ${i}`, type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: w.units.compound, receivedAt: at });
    const bodies = Array.from({ length: 12 }, (_, i) => (i === 5 ? { ...good(i), residentId: 424242 } : i === 8 ? { ...good(i), gridUnitId: w.units.other } : good(i)));
    const token = w.users.dispatcher.token;
    const res = await Promise.all(bodies.map((b) => t.http.post('/api/cases').set(as(token)).send(b)));
    assert.deepEqual(
      res.map((r) => r.status),
      bodies.map((_, i) => (i === 5 ? 400 : i === 8 ? 403 : 201)),
    );
    assert.ok(res[5].body.errors.residentId);
    assert.equal(await count(), n + 10);
    const numbers = res.filter((r) => r.status === 201).map((r) => r.body.number).sort();
    assert.deepEqual(numbers, Array.from({ length: 10 }, (_, i) => `20261110-${String(i + 1).padStart(4, '0')}`));
  });

  it('numbers stay a unique daily serial with two instances taking cases at once, among workflow actions', async () => {
    const at = '2026-11-09T10:00:00+08:00';
    const token = w.users.dispatcher.token;
    const open = await logCase(t, w, token, { receivedAt: at });
    const body = (i: number) => ({ title: `两台同时 ${i}`, type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: w.units.compound, receivedAt: at });
    const here = Array.from({ length: 10 }, (_, i) => t.http.post('/api/cases').set(as(token)).send(body(i)));
    const there = Array.from({ length: 10 }, (_, i) => second.post('/api/cases').set(as(token)).send(body(10 + i)));
    // Workflow actions hold TypeORM transactions open on the same connection meanwhile.
    const comments = Array.from({ length: 5 }, (_, i) => t.http.post(`/api/cases/${open.id}/actions/comment`).set(as(token)).send({ version: open.version, note: `备注 ${i}` }));
    const res = await Promise.all([...here, ...there]);
    for (const c of await Promise.all(comments)) assert.ok([200, 409].includes(c.status), JSON.stringify(c.body));
    assert.deepEqual(new Set(res.map((r) => r.status)), new Set([201]));
    const numbers = res.map((r) => r.body.number).sort();
    assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => `20261109-${String(i + 2).padStart(4, '0')}`));
    // Each one is stored with its timeline, and found by its words.
    for (const r of res.slice(0, 3)) {
      const events = await get(`/case-events?filter=${filter({ caseId: r.body.id })}`);
      assert.deepEqual(events.body.map((e: { action: string }) => e.action), ['create', 'overdue', 'overdue'], 'logged weeks late');
    }
    const found = await get(`/cases?filter=${filter({ q: '两台同时' })}&range=${filter([0, 99])}`);
    assert.equal(found.body.length, 20);
    await doAction(t, token, (await get(`/cases/${open.id}`)).body, 'comment', { note: '最后' });
  });

  it('list counts stay exact after intake through two instances at once, and after the tallies are folded', async () => {
    const total = async (f: object) => Number((await get(`/cases?filter=${filter(f)}&range=${filter([0, 0])}`)).headers['content-range'].split('/')[1]);
    // From the tallies (statuses and a unit), and counted row by row (a time range is no tally's key).
    const tallied = () => total({ status: 'received' });
    const counted = () => total({ status: 'received', receivedAt_gte: '2000-01-01T00:00:00Z' });
    const before = await tallied();
    assert.equal(before, await counted());
    const body = (i: number) => ({ title: `计数 ${i}`, type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: w.units.compound });
    const res = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? second : t.http).post('/api/cases').set(as(w.users.dispatcher.token)).send(body(i))));
    assert.deepEqual(new Set(res.map((r) => r.status)), new Set([201]));
    assert.equal(await tallied(), before + 16);
    assert.equal(await counted(), before + 16);
    const ds = t.app.get(DataSource);
    // PostgreSQL keeps the tallies in stripes per connection, gathered back now and then: the same counts after.
    if (ds.options.type === 'postgres') {
      await ds.query('SELECT fold_case_tallies()');
      assert.equal(Number((await ds.query('SELECT COUNT(*) AS n FROM case_tallies WHERE stripe <> 0'))[0].n), 0);
      assert.equal(await tallied(), before + 16);
    }
  });
});

/**
 * SQLite: a new case's keyword entry is written a moment after intake, with others (search/sqlite-search-backlog.ts);
 * its id waits in the database meanwhile. It must be found by its words at once all the same, and an entry
 * left unwritten by a process that stopped must be written by the next one.
 */
describe('keyword entries written after intake (SQLite)', { skip: (process.env.DATABASE_URL ?? '').startsWith('postgres') }, () => {
  let t: TestApp;
  let w: World;
  let ds: DataSource;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const pending = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM case_search_pending'))[0].n);
  const search = async (q: string) => (await t.http.get(`/api/cases?filter=${filter({ q })}`).set(as(w.admin))).body.map((c: { id: number }) => c.id);
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ds = t.app.get(DataSource);
  });
  after(() => t.close());

  it('finds a case by its words as soon as intake answered, and writes its entry within a moment anyway', async () => {
    const a = await logCase(t, w, w.admin, { title: '琴弦巷路面塌陷' });
    assert.equal(await pending(), 1, 'the entry waits');
    assert.deepEqual(await search('路面塌陷'), [a.id], 'a search writes what waits first');
    assert.equal(await pending(), 0);
    const b = await logCase(t, w, w.admin, { title: '琴弦巷井盖缺失' });
    for (let i = 0; i < 50 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await pending(), 0, 'written by the timer, no search needed');
    assert.equal(Number((await ds.query('SELECT COUNT(*) AS n FROM case_search WHERE case_search MATCH ?', ['井盖']))[0].n), 1);
    assert.deepEqual(await search('井盖缺失'), [b.id]);
  });

  it('stores each case with its report measures, so the insert trigger has nothing to rewrite', async () => {
    // With the trigger that corrects them gone, what intake stored must already be what the measures say:
    // a repeat and a case logged late included (their bits differ from a plain new case's).
    const [{ sql }] = await ds.query(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'cases_measure_bits_insert'`);
    await ds.query('DROP TRIGGER cases_measure_bits_insert');
    try {
      const phone = { reporterPhone: '13900002222' };
      const ids = [
        (await logCase(t, w, w.admin, phone)).id,
        (await logCase(t, w, w.admin, phone)).id,
        (await logCase(t, w, w.admin, { receivedAt: '2026-09-01T09:00:00+08:00' })).id,
      ];
      const rows: { id: number; stored: number; expected: number }[] = await ds.query(
        `SELECT id, measure_bits AS stored, ${measureBitsSql('sqlite')} AS expected FROM cases WHERE id IN (${ids.join(', ')}) ORDER BY id`,
      );
      assert.deepEqual(rows.map((r) => r.stored), rows.map((r) => r.expected));
      assert.equal(new Set(rows.map((r) => r.expected)).size, 2, 'the repeat counts in a measure the others do not');
    } finally {
      await ds.query(sql);
    }
    // Intake keeps its transaction's journal in memory; the connection's own setting comes back after it.
    assert.equal(Number((await ds.query('PRAGMA temp_store'))[0].temp_store), 0);
  });

  it('writes, at the next start, entries a stopped process left waiting, from the case as it is then', async () => {
    const c = await logCase(t, w, w.admin, { title: '琴弦巷消防通道堵塞' });
    await search('消防通道');
    // As if the process had stopped right after intake, and the title been corrected meanwhile.
    await ds.query('DELETE FROM case_search WHERE rowid = ?', [c.id]);
    await ds.query(`UPDATE cases SET title = '琴弦巷消防通道被占' WHERE id = ?`, [c.id]);
    await ds.query('INSERT INTO case_search_pending (case_id) VALUES (?)', [c.id]);
    await t.another();
    assert.equal(await pending(), 0);
    assert.equal(Number((await ds.query('SELECT COUNT(*) AS n FROM case_search WHERE case_search MATCH ?', ['被占']))[0].n), 1);
    assert.equal(Number((await ds.query('SELECT COUNT(*) AS n FROM case_search WHERE case_search MATCH ?', ['堵塞']))[0].n), 0);
  });
});
