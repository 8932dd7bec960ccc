import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { buildWorld, edit, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('auth', () => {
  let t: TestApp;
  let w: World;
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('health answers without a token', async () => {
    const res = await t.http.get('/api/health');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok', db: 'ok' });
  });

  it('serves the OpenAPI page', async () => {
    const res = await t.http.get('/api/docs');
    assert.equal(res.status, 200);
    assert.match(res.text, /swagger/i);
  });

  it('logs in with the right password and returns the user without its hash', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'disp', password: 'password-1' });
    assert.equal(res.status, 200);
    assert.ok(res.body.token);
    assert.deepEqual(Object.keys(res.body.user).sort(), ['canExportPersonalData', 'defaultChannelId', 'departmentId', 'id', 'name', 'permissions', 'role', 'scopeUnitId', 'username']);
    assert.equal(res.body.user.role, 'dispatcher');
  });

  it("tells the console what the user's role may do to each resource, as the routes enforce it", async () => {
    const can = async (token: string) => (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).body.permissions;
    const handler = await can(w.users.handler.token);
    assert.deepEqual(handler.cases, ['list', 'show'], 'a handler works cases through actions: no 编辑, no 删除');
    assert.deepEqual(handler.residents, [], 'nor reads residents');
    const dispatcher = await can(w.users.dispatcher.token);
    assert.deepEqual(dispatcher.cases, ['list', 'show', 'create', 'edit'], 'cases are never deleted');
    assert.deepEqual(dispatcher['calendar-days'], ['list', 'show']);
    assert.ok(dispatcher['case-events'].includes('edit'), 'a dispatcher marks timeline entries public or internal');
    assert.ok(!handler['case-events'].includes('edit'), 'a handler does not');
    assert.deepEqual((await can(w.users.supervisor.token))['calendar-days'], ['list', 'show', 'create', 'edit', 'delete']);
    // Each claim holds at the route: what is listed passes the guard, what is not is a 403.
    const put = await t.http.put(`/api/cases/1`).set('Authorization', `Bearer ${w.users.handler.token}`).send({ title: 'x' });
    assert.equal(put.status, 403);
    assert.equal((await t.http.get('/api/residents').set('Authorization', `Bearer ${w.users.handler.token}`)).status, 403);
  });

  it('refuses a wrong password or unknown user with 401', async () => {
    assert.equal((await t.http.post('/api/auth/login').send({ username: 'disp', password: 'nope-nope' })).status, 401);
    assert.equal((await t.http.post('/api/auth/login').send({ username: 'ghost', password: 'password-1' })).status, 401);
  });

  it('answers 400 naming the field for a login without a password', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'disp' });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.password);
  });

  it('needs a valid bearer token everywhere else', async () => {
    assert.equal((await t.http.get('/api/cases')).status, 401);
    assert.equal((await t.http.get('/api/cases').set('Authorization', 'Bearer not-a-token')).status, 401);
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${w.users.worker.token}`);
    assert.equal(me.status, 200);
    assert.equal(me.body.username, 'gw');
    assert.equal(me.body.scopeUnitId, w.units.grid1);
  });

  it('answers 403 when the role may not do it', async () => {
    const res = await t.http.post('/api/departments').set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ name: '新单位' });
    assert.equal(res.status, 403);
    const handlerResidents = await t.http.get('/api/residents').set('Authorization', `Bearer ${w.users.handler.token}`);
    assert.equal(handlerResidents.status, 403);
  });

  it('never returns password hashes, and a new password works at once', async () => {
    const list = await t.http.get('/api/users').set('Authorization', `Bearer ${w.admin}`);
    assert.equal(list.status, 200);
    assert.ok(list.body.every((u: Record<string, unknown>) => !('passwordHash' in u) && !('password' in u)));
    const upd = await edit(t.http, w.admin, `/users/${w.users.worker.id}`, { password: 'changed-pass-9' });
    assert.equal(upd.status, 200);
    assert.equal((await t.http.post('/api/auth/login').send({ username: 'gw', password: 'password-1' })).status, 401);
    assert.equal((await t.http.post('/api/auth/login').send({ username: 'gw', password: 'changed-pass-9' })).status, 200);
  });

  it('a disabled account cannot sign in', async () => {
    assert.equal((await edit(t.http, w.admin, `/users/${w.users.supervisor.id}`, { active: false })).status, 200);
    assert.equal((await t.http.post('/api/auth/login').send({ username: 'sup', password: 'password-1' })).status, 401);
  });

  it('an account disabled on another instance stops working here within a second', async () => {
    const created = await t.http.post('/api/users').set('Authorization', `Bearer ${w.admin}`).send({ username: 'leaving', name: '离职者', role: 'dispatcher', scopeUnitId: w.units.community, password: 'password-1' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const token = await t.login('leaving', 'password-1');
    const me = () => t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    assert.equal((await me()).status, 200, 'known here, and now in this instance’s directory');
    const second = request((await t.another()).getHttpServer());
    const off = await edit(second, w.admin, `/users/${created.body.id}`, { active: false });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    await new Promise((r) => setTimeout(r, 1_100));
    assert.equal((await me()).status, 401, 'the token of a disabled account no longer works on the first instance');
  });

  it('refuses the demo password in production, and shows the API description only to the signed-in there', async () => {
    const prod = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'demo1234' });
    try {
      assert.equal((await prod.http.post('/api/auth/login').send({ username: 'admin', password: 'demo1234' })).status, 401);
      for (const path of ['/api/docs', '/api/docs-json']) {
        const res = await prod.http.get(path);
        assert.equal(res.status, 401, path);
        assert.equal(res.body.message, '请先登录', path);
        assert.equal((await prod.http.get(path).set('Authorization', 'Bearer forged.token.here')).status, 401, path);
      }
      const reset = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-strong-production-password' });
      try {
        const token = await reset.login('admin', 'a-strong-production-password');
        const docs = await reset.http.get('/api/docs-json').set('Authorization', `Bearer ${token}`);
        assert.equal(docs.status, 200);
        assert.ok(docs.body.paths['/api/cases'], 'the description, for a signed-in person');
      } finally {
        await reset.close();
      }
    } finally {
      await prod.close();
    }
  });
});
