import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { ADMIN_PASSWORD, filter, startTestApp, type TestApp } from './support/test-app.js';

/** Issue 15: accounts are disabled, never deleted; a record that history points at is not deleted either. */
describe('records keep their history', () => {
  let t: TestApp;
  let w: World;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (path: string, token = w.admin) => t.http.get(`/api${path}`).set(as(token));
  const del = (path: string, lang = 'zh-CN', token = w.admin) => t.http.delete(`/api${path}`).set(as(token)).set('Accept-Language', lang);
  const post = async (path: string, body: object) => {
    const res = await t.http.post(`/api${path}`).set(as(w.admin)).send(body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('DELETE of a user with history disables the account; the timeline and the case still name them', async () => {
    const clerk = await post('/users', { username: 'clerk', name: '李受理', role: 'dispatcher', scopeUnitId: w.units.community, password: 'password-1' });
    const token = await t.login('clerk', 'password-1');
    const c = await logCase(t, w, token);
    const res = await del(`/users/${clerk.id}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.id, clerk.id);
    assert.equal(res.body.active, false, 'answered as disabled');
    assert.equal((await get(`/users/${clerk.id}`)).body.active, false, 'still there');
    assert.equal((await t.http.post('/api/auth/login').send({ username: 'clerk', password: 'password-1' })).status, 401, 'cannot sign in');
    assert.equal((await get('/auth/me', token)).status, 401, 'nor use an earlier token');
    const events = await get(`/case-events?filter=${filter({ caseId: c.id })}`);
    assert.equal(events.body[0].actorId, clerk.id, 'the timeline still names who logged it');
    const users = await get(`/users?filter=${filter({ id: [clerk.id] })}`);
    assert.equal(users.body[0].name, '李受理');
    // Deleting again changes nothing and is no error.
    assert.equal((await del(`/users/${clerk.id}`)).status, 200);
  });

  it('the database itself refuses to delete what history points at, rather than null it out', async () => {
    const ds = t.app.get(DataSource);
    const c = await logCase(t, w, w.users.dispatcher.token);
    const id = Number(w.users.dispatcher.id);
    await assert.rejects(ds.query(`DELETE FROM "users" WHERE "id" = ${id}`));
    await assert.rejects(ds.query(`DELETE FROM "cases" WHERE "id" = ${Number(c.id)}`));
    const events = await get(`/case-events?filter=${filter({ caseId: c.id })}`);
    assert.equal(events.body[0].actorId, id);
  });

  it('a category, channel, department, grid unit or resident that cases use is not deleted: 409 naming how many', async () => {
    const resident = await post('/residents', { name: '王秀英', phone: '13912345678', gridUnitId: w.units.grid2, tags: [] });
    let c = await logCase(t, w, w.users.dispatcher.token, { channelId: w.channels.wechat, categoryId: w.categories.heating, gridUnitId: w.units.grid2, residentId: resident.id });
    c = await doAction(t, w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.heating });
    const refused = await del(`/categories/${w.categories.heating}`);
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.message, '还有 1 件诉求使用该诉求分类，不能删除；不再使用请改为停用');
    assert.deepEqual(refused.body.references, { cases: 1 });
    const en = await del(`/categories/${w.categories.heating}`, 'en');
    assert.equal(en.body.message, '1 cases still refer to this Category; it cannot be deleted: disable it instead');
    for (const path of [`/channels/${w.channels.wechat}`, `/departments/${w.departments.heating}`, `/grid-units/${w.units.grid2}`, `/residents/${resident.id}`]) {
      const res = await del(path);
      assert.equal(res.status, 409, `${path}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.message, /还有 \d+ (件诉求|位居民|个账号|个下级|个诉求分类)使用该/);
      assert.equal((await get(path)).status, 200, `${path} is still there`);
    }
    assert.equal((await get(`/cases/${c.id}`)).body.departmentId, w.departments.heating, 'the case keeps its unit');
    // A department that categories or people still use is kept too.
    const dept = await del(`/departments/${w.departments.property}`);
    assert.equal(dept.status, 409);
    assert.ok(dept.body.references.users >= 1 || dept.body.references.categories >= 1, JSON.stringify(dept.body));
  });

  it('a record nothing points at is deleted', async () => {
    const made = {
      categories: await post('/categories', { name: '临时分类', code: 'tmp' }),
      channels: await post('/channels', { name: '临时渠道', code: 'tmp_channel', group: 'online' }),
      departments: await post('/departments', { name: '临时单位', kind: 'other' }),
      'grid-units': await post('/grid-units', { name: '临时楼', code: 'TMP-B', level: 'building', parentId: w.units.compound }),
      residents: await post('/residents', { name: '临时居民', gridUnitId: w.units.grid1, tags: [] }),
      'calendar-days': await post('/calendar-days', { date: '2027-03-03', workday: false, name: '临时' }),
    };
    for (const [r, row] of Object.entries(made)) {
      const res = await del(`/${r}/${row.id}`);
      assert.equal(res.status, 200, `${r}: ${JSON.stringify(res.body)}`);
      assert.equal((await get(`/${r}/${row.id}`)).status, 404, `${r} is gone`);
    }
  });

  it('the last active admin cannot be disabled, deleted or demoted; with another one it can', async () => {
    const me = (await get('/auth/me')).body;
    const current = async () => (await get(`/users/${me.id}`)).body;
    const put = (body: object) => t.http.put(`/api/users/${me.id}`).set(as(w.admin)).send(body);
    const gone = await del(`/users/${me.id}`);
    assert.equal(gone.status, 409, JSON.stringify(gone.body));
    assert.match(gone.body.message, /最后一个启用中的系统管理员/);
    assert.equal((await put({ active: false, version: (await current()).version })).status, 409);
    const demoted = await put({ role: 'supervisor', version: (await current()).version });
    assert.equal(demoted.status, 409);
    assert.equal((await current()).role, 'admin');
    assert.equal((await current()).active, true);

    const other = await post('/users', { username: 'admin2', name: '第二管理员', role: 'admin', password: 'password-2' });
    assert.equal((await put({ role: 'supervisor', version: (await current()).version })).status, 200, 'demoted while another admin remains');
    const token2 = await t.login('admin2', 'password-2');
    // Now admin2 is the last one: it cannot disable itself.
    const self = await del(`/users/${other.id}`, 'en', token2);
    assert.equal(self.status, 409);
    assert.match(self.body.message, /last active administrator/);
    assert.equal((await t.http.post('/api/auth/login').send({ username: 'admin2', password: 'password-2' })).status, 200);
    assert.equal((await t.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD })).status, 200);
  });

  it('two admins disabling each other at once: one wins, one admin stays', async () => {
    const token2 = await t.login('admin2', 'password-2');
    const three = (await t.http.post('/api/users').set(as(token2)).send({ username: 'admin3', name: '第三管理员', role: 'admin', password: 'password-3' })).body;
    const token3 = await t.login('admin3', 'password-3');
    const two = (await get('/auth/me', token2)).body;
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([del(`/users/${three.id}`, 'zh-CN', token2), del(`/users/${two.id}`, 'zh-CN', token3)]);
      // The loser is refused as the last admin (409), or, had the winner already committed, is itself disabled (401).
      const statuses = [a.status, b.status].sort();
      assert.ok(statuses[0] === 200 && [401, 409].includes(statuses[1]), `${a.status} ${JSON.stringify(a.body)} / ${b.status} ${JSON.stringify(b.body)}`);
      const admins = (await get(`/users?filter=${filter({ role: 'admin', active: true })}`, a.status === 200 ? token2 : token3)).body;
      assert.equal(admins.length, 1, 'exactly one active admin left');
      // Enable the other again for the next round, as the remaining admin.
      const winner = a.status === 200 ? token2 : token3;
      const loserId = a.status === 200 ? three.id : two.id;
      const current = (await get(`/users/${loserId}`, winner)).body;
      assert.equal((await t.http.put(`/api/users/${loserId}`).set(as(winner)).send({ active: true, version: current.version })).status, 200);
    }
  });
});
