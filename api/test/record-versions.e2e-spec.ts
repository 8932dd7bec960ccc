import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, logCase, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Issue 15: every editable record carries a version; a PUT from no version or an old one is refused with the record as it is now. */
describe('record versions', () => {
  let t: TestApp;
  let w: World;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (path: string) => t.http.get(`/api${path}`).set(as(w.admin));
  const put = (path: string, body: object, lang = 'zh-CN') => t.http.put(`/api${path}`).set(as(w.admin)).set('Accept-Language', lang).send(body);
  /** One record of each editable resource and a change to make to it. */
  let edits: [path: string, change: Record<string, unknown>][];
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const resident = await t.http.post('/api/residents').set(as(w.admin)).send({ name: '王秀英', phone: '13912345678', gridUnitId: w.units.compound, tags: [] });
    const day = await t.http.post('/api/calendar-days').set(as(w.admin)).send({ date: '2027-01-04', workday: false, name: '调休' });
    edits = [
      [`/grid-units/${w.units.grid2}`, { name: '二号网格' }],
      [`/residents/${resident.body.id}`, { address: '小碱小区5号楼' }],
      [`/departments/${w.departments.heating}`, { phone: '0971-7654321' }],
      [`/categories/${w.categories.policy}`, { responseHours: 8 }],
      [`/channels/${w.channels.window}`, { name: '一站式窗口' }],
      [`/users/${w.users.supervisor.id}`, { name: '督办员' }],
      [`/calendar-days/${day.body.id}`, { name: '元旦调休' }],
    ];
  });
  after(() => t.close());

  it('every editable record carries a whole-number version', async () => {
    for (const [path] of edits) assert.equal((await get(path)).body.version, 1, path);
    const c = await logCase(t, w, w.users.dispatcher.token);
    assert.equal(c.version, 1);
  });

  it('a PUT without a version answers 409 with the current record, and changes nothing', async () => {
    for (const [path, change] of edits) {
      const before = (await get(path)).body;
      const res = await put(path, change);
      assert.equal(res.status, 409, `${path}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.message, /版本/);
      assert.ok(res.body.errors.version, 'names the field');
      assert.equal(res.body.current.id, before.id);
      assert.equal(res.body.current.version, before.version);
      assert.deepEqual((await get(path)).body, before, `${path} unchanged`);
    }
  });

  it('a PUT with the current version saves and moves it on; one with an old version answers 409 with the newer record', async () => {
    for (const [path, change] of edits) {
      const before = (await get(path)).body;
      const saved = await put(path, { ...before, ...change, password: '' });
      assert.equal(saved.status, 200, `${path}: ${JSON.stringify(saved.body)}`);
      assert.equal(saved.body.version, before.version + 1);
      const stale = await put(path, { ...before, version: before.version }, 'en');
      assert.equal(stale.status, 409, `${path}: ${JSON.stringify(stale.body)}`);
      assert.match(stale.body.message, /changed by someone else .*now version \d+.*reload/);
      assert.equal(stale.body.current.version, before.version + 1);
      for (const [k, v] of Object.entries(change)) assert.deepEqual(stale.body.current[k], v, `${path}: the current record shows the change that won`);
    }
  });

  it('two PUTs from the same version at once: exactly one is saved, the other answers 409', async () => {
    for (const [path, change] of edits) {
      for (let round = 0; round < 3; round++) {
        const before = (await get(path)).body;
        const [a, b] = await Promise.all([
          put(path, { ...change, version: before.version, ...(path.startsWith('/users') ? { name: `甲${round}` } : {}) }),
          put(path, { ...change, version: before.version, ...(path.startsWith('/users') ? { name: `乙${round}` } : {}) }),
        ]);
        assert.deepEqual([a.status, b.status].sort(), [200, 409], `${path}: ${a.status} ${JSON.stringify(a.body)} / ${b.status} ${JSON.stringify(b.body)}`);
        const now = (await get(path)).body;
        assert.equal(now.version, before.version + 1, 'moved on once');
        const winner = a.status === 200 ? a : b;
        assert.equal(now.name ?? null, winner.body.name ?? null, 'the saved record is the winner’s');
      }
    }
  });

  it('a case correction needs the version too', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const token = w.users.dispatcher.token;
    const missing = await t.http.put(`/api/cases/${c.id}`).set(as(token)).send({ title: '更正的标题' });
    assert.equal(missing.status, 409, JSON.stringify(missing.body));
    assert.equal(missing.body.current.version, 1);
    assert.equal(missing.body.current.title, c.title);
    const ok = await t.http.put(`/api/cases/${c.id}`).set(as(token)).send({ title: '更正的标题', version: 1 });
    assert.equal(ok.status, 200);
    const stale = await t.http.put(`/api/cases/${c.id}`).set(as(token)).send({ title: '另一个更正', version: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.current.title, '更正的标题');
    assert.equal(stale.body.current.version, 2);
  });

  it('a version that is not a whole number is a 400 naming the field', async () => {
    const [path, change] = edits[0];
    const res = await put(path, { ...change, version: 'latest' });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.version);
  });
});
