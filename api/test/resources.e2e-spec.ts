import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, edit, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/** The react-admin list contract, the same for every resource. */
describe('resources: the list contract and bad input', () => {
  let t: TestApp;
  let w: World;
  const get = (path: string, token = w.admin) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  for (const r of ['grid-units', 'residents', 'departments', 'categories', 'channels', 'users', 'cases', 'case-events', 'calendar-days']) {
    it(`${r} lists with Content-Range`, async () => {
      const res = await get(`/${r}?range=${filter([0, 4])}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(Array.isArray(res.body));
      assert.match(res.headers['content-range'], new RegExp(`^${r} \\d+-\\d+/\\d+$`));
    });
  }

  it('sorts, pages and reports the total', async () => {
    const page1 = await get(`/grid-units?sort=${filter(['code', 'ASC'])}&range=${filter([0, 2])}`);
    const page2 = await get(`/grid-units?sort=${filter(['code', 'ASC'])}&range=${filter([3, 5])}`);
    assert.equal(page1.headers['content-range'], 'grid-units 0-2/7');
    assert.equal(page2.headers['content-range'], 'grid-units 3-5/7');
    const codes = [...page1.body, ...page2.body].map((u: { code: string }) => u.code);
    assert.deepEqual(codes, [...codes].sort());
    const desc = await get(`/grid-units?sort=${filter(['code', 'DESC'])}&range=${filter([0, 0])}`);
    assert.equal(desc.body[0].code, 'HHL-Z1');
  });

  it('filters by equality, arrays (IN), suffixes and keyword', async () => {
    const grids = await get(`/grid-units?filter=${filter({ level: 'grid' })}`);
    assert.deepEqual(grids.body.map((u: { name: string }) => u.name).sort(), ['1号网格', '2号网格']);
    const some = await get(`/grid-units?filter=${filter({ id: [w.units.grid1, w.units.other] })}`);
    assert.equal(some.body.length, 2);
    const notGrid = await get(`/grid-units?filter=${filter({ level_neq: 'grid' })}`);
    assert.equal(notGrid.headers['content-range'], 'grid-units 0-4/5');
    const above = await get(`/grid-units?filter=${filter({ id_gte: w.units.grid2 })}`);
    assert.ok(above.body.every((u: { id: number }) => u.id >= w.units.grid2));
    const q = await get(`/grid-units?filter=${filter({ q: '小碱' })}`);
    assert.deepEqual(q.body.map((u: { name: string }) => u.name), ['小碱小区']);
    const roots = await get(`/grid-units?filter=${filter({ parentId: null })}`);
    assert.deepEqual(roots.body.map((u: { name: string }) => u.name), ['火车站街道']);
  });

  it('getMany: filter by ids without a range returns them all', async () => {
    const ids = Object.values(w.units);
    const res = await get(`/grid-units?filter=${filter({ id: ids })}`);
    assert.equal(res.body.length, ids.length);
  });

  it('answers 400 naming the problem for bad list parameters', async () => {
    const cases: [string, string][] = [
      [`/cases?filter=${encodeURIComponent('{bad')}`, 'filter'],
      [`/cases?filter=${filter({ nope: 1 })}`, 'filter.nope'],
      [`/cases?filter=${filter({ status: 'lost' })}`, 'filter.status'],
      [`/cases?filter=${filter({ channelId: 'abc' })}`, 'filter.channelId'],
      [`/cases?filter=${filter({ receivedAt_gte: 'yesterday' })}`, 'filter.receivedAt_gte'],
      [`/cases?filter=${filter({ unitId: 99999 })}`, 'filter.unitId'],
      [`/cases?filter=${filter({ overdue: 'maybe' })}`, 'filter.overdue'],
      [`/cases?sort=${filter(['reporterPhone', 'ASC'])}`, 'sort'],
      [`/cases?sort=${filter(['receivedAt', 'SIDEWAYS'])}`, 'sort'],
      [`/cases?range=${filter([10, 2])}`, 'range'],
      [`/cases?range=${filter([0, 100000])}`, 'range'],
      [`/cases?range=notjson`, 'range'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      assert.equal(res.status, 400, `${path} → ${res.status}`);
      assert.ok(res.body.errors?.[field], `${path}: expected errors.${field}, got ${JSON.stringify(res.body)}`);
      assert.ok(!/\bat .+\(.+:\d+:\d+\)/.test(JSON.stringify(res.body)), 'no stack trace');
    }
  });

  it('answers 404 for unknown ids and 400 for ids that are not numbers', async () => {
    for (const r of ['grid-units', 'residents', 'departments', 'categories', 'channels', 'users', 'cases', 'case-events', 'calendar-days']) {
      assert.equal((await get(`/${r}/987654`)).status, 404, r);
      const bad = await get(`/${r}/abc`);
      assert.equal(bad.status, 400, r);
      assert.ok(bad.body.errors.id);
    }
  });

  it('validates writes: types, required fields, unknown values, references, duplicates', async () => {
    const post = (path: string, body: unknown) => t.http.post(`/api${path}`).set('Authorization', `Bearer ${w.admin}`).send(body as object);
    let res = await post('/channels', { name: '抖音', code: 'douyin', group: 'video' });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.group);
    res = await post('/grid-units', { name: '3号网格', code: 'G3', level: 'grid', parentId: 424242 });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.parentId);
    res = await post('/grid-units', { name: '社区', code: 'X1', level: 'community', parentId: w.units.grid1 });
    assert.equal(res.status, 400, 'a community cannot hang under a grid');
    assert.ok(res.body.errors.level);
    res = await post('/channels', { name: '重复', code: 'wechat', group: 'online' });
    assert.equal(res.status, 409);
    res = await post('/users', { username: 'h2', name: '处理人', role: 'handler', password: 'password-1' });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.departmentId);
    res = await post('/categories', { name: '政策', code: 'p2', resolveLimit: 2.5, resolveUnit: 'workdays' });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.resolveLimit);
    res = await post('/calendar-days', { date: '2027-02-30', workday: false });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.date);
    res = await edit(t.http, w.admin, `/channels/${w.channels.wechat}`, { name: null });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.name);
    res = await t.http.post('/api/channels').set('Authorization', `Bearer ${w.admin}`).set('Content-Type', 'application/json').send('{"name": ');
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.body);
  });

  it('refuses to delete a unit that still has children, and deletes a leaf', async () => {
    const del = (path: string) => t.http.delete(`/api${path}`).set('Authorization', `Bearer ${w.admin}`);
    assert.equal((await del(`/grid-units/${w.units.zone}`)).status, 409);
    const leaf = await t.http.post('/api/grid-units').set('Authorization', `Bearer ${w.admin}`).send({ name: '临时楼', code: 'TMP', level: 'building', parentId: w.units.compound });
    assert.equal((await del(`/grid-units/${leaf.body.id}`)).status, 200);
    assert.equal((await get(`/grid-units/${leaf.body.id}`)).status, 404);
  });
});
