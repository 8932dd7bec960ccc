import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('visits before complaints: households due a visit, visits recorded and kept', () => {
  let t: TestApp;
  let w: World;
  const people: Record<string, number> = {};
  const as = (token: string) => ({
    get: (p: string) => t.http.get(`/api${p}`).set('Authorization', `Bearer ${token}`),
    post: (p: string, b: object) => t.http.post(`/api${p}`).set('Authorization', `Bearer ${token}`).send(b),
  });
  const dueIds = async (token: string) => (await as(token).get('/visits/due')).body.rows.map((r: { residentId: number }) => r.residentId);

  before(async () => {
    // Veterans not tracked here: VISIT_DAYS overrides the defaults per tag.
    t = await startTestApp({ VISIT_DAYS: 'veteran=0' });
    w = await buildWorld(t);
    const add = async (name: string, gridUnitId: number, tags: string[]) => {
      const res = await as(w.admin).post('/residents', { name, phone: '13900001234', gridUnitId, address: '5号楼', tags });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      people[name] = res.body.id;
    };
    await add('独居王奶奶', w.units.compound, ['elderly_alone']);
    await add('高龄李爷爷', w.units.compound, ['elderly_advanced', 'party_member']);
    await add('退役张叔', w.units.compound, ['veteran']);
    await add('普通住户', w.units.compound, []);
    await add('别社区独居', w.units.other, ['elderly_alone']);
  });
  after(() => t.close());

  it('lists the key-population households in scope never visited, tracked tags only, phones masked', async () => {
    const res = await as(w.users.worker.token).get('/visits/due');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.rows.map((r: { name: string }) => r.name).sort(), ['独居王奶奶', '高龄李爷爷'].sort());
    assert.ok(res.body.rows.every((r: { phone: string; lastContactAt: null }) => r.phone === '139****1234' && r.lastContactAt === null));
    assert.equal(res.body.rows.find((r: { name: string }) => r.name === '独居王奶奶').every, 7);
    assert.ok((await dueIds(w.users.supervisor.token)).includes(people['别社区独居']), 'the subdistrict sees both communities');
    assert.equal((await as(w.users.handler.token).get('/visits/due')).status, 403);
  });

  it('a visit takes a household off the list until its interval passes again; visits are kept as recorded', async () => {
    const worker = as(w.users.worker.token);
    const made = await worker.post('/visits', { residentId: people['独居王奶奶'], note: '上门看望，身体良好，暖气正常' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.userId, w.users.worker.id);
    assert.ok(!(await dueIds(w.users.worker.token)).includes(people['独居王奶奶']));

    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
    assert.equal((await worker.post('/visits', { residentId: people['高龄李爷爷'], note: '电话问候', visitedAt: tenDaysAgo })).status, 201);
    assert.ok(!(await dueIds(w.users.worker.token)).includes(people['高龄李爷爷']), 'every 14 days: visited 10 days ago is not due');
    const late = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const other = await as(w.users.supervisor.token).post('/visits', { residentId: people['别社区独居'], note: '走访', visitedAt: late });
    assert.equal(other.status, 201);
    const due = (await as(w.users.supervisor.token).get('/visits/due')).body.rows.find((r: { residentId: number }) => r.residentId === people['别社区独居']);
    assert.equal(due.overdueDays, 13, 'visited 20 days ago, every 7 days');

    assert.equal((await worker.post('/visits', { residentId: people['别社区独居'], note: '越界' })).status, 403, 'outside the worker’s grid');
    const future = await worker.post('/visits', { residentId: people['独居王奶奶'], note: '未来', visitedAt: new Date(Date.now() + 86_400_000).toISOString() });
    assert.equal(future.status, 400);
    assert.ok(future.body.errors.visitedAt);
    assert.equal((await t.http.put(`/api/visits/${made.body.id}`).set('Authorization', `Bearer ${w.users.worker.token}`).send({ note: '改', version: 1 })).status, 403);
    assert.equal((await t.http.delete(`/api/residents/${people['独居王奶奶']}`).set('Authorization', `Bearer ${w.admin}`)).status, 409, 'a visited household is history');
    const list = await worker.get('/visits');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.map((v: { residentId: number }) => v.residentId).sort(), [people['独居王奶奶'], people['高龄李爷爷']].sort(), 'the worker sees the visits of their grid');
  });
});
