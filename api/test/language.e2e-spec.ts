import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Response } from 'supertest';
import { buildWorld, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every error in the language the request asks for (issue 14): Chinese when it names none, English for
 * `Accept-Language: en`, the same `{message, errors}` shape either way.
 */
const HAN = /\p{Script=Han}/u;
/** Three English words in a row: a sentence left untranslated (a sample value such as 0971-1234567 is fine). */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,'"]+[A-Za-z]{2,}){2,}/;

function assertChinese(res: Response, what: string) {
  const texts = [res.body.message, ...Object.values<string>(res.body.errors ?? {})];
  for (const t of texts) {
    assert.equal(typeof t, 'string', `${what}: ${JSON.stringify(res.body)}`);
    assert.match(t, HAN, `${what}: "${t}" is Chinese`);
    assert.doesNotMatch(t, ENGLISH_RUN, `${what}: "${t}" has no English sentence`);
  }
}

function assertEnglish(res: Response, what: string) {
  for (const t of [res.body.message, ...Object.values<string>(res.body.errors ?? {})]) {
    assert.doesNotMatch(t, HAN, `${what}: "${t}" is English`);
    assert.match(t, /[A-Za-z]{2,}/, `${what}: "${t}" is in words`);
  }
}

describe('errors in the language of the request', () => {
  let t: TestApp;
  let w: World;
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  const as = (token: string, lang?: string) => (req: ReturnType<TestApp['http']['get']>) => {
    req.set('Authorization', `Bearer ${token}`);
    return lang ? req.set('Accept-Language', lang) : req;
  };

  it('validation: each field in Chinese words by default, beside the field and in the summary', async () => {
    const body = { title: '', description: '楼道灯坏了', type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: 'abc', reporterPhone: '12' };
    const zh = await as(w.users.dispatcher.token)(t.http.post('/api/cases')).send(body);
    assert.equal(zh.status, 400);
    assertChinese(zh, 'intake');
    assert.equal(zh.body.errors.gridUnitId, '必须是整数');
    assert.match(zh.body.errors.reporterPhone, /手机号/);
    assert.match(zh.body.message, /所属网格必须是整数/);
    assert.match(zh.body.message, /联系电话/);

    const en = await as(w.users.dispatcher.token, 'en-US,en;q=0.9')(t.http.post('/api/cases')).send(body);
    assert.equal(en.status, 400);
    assert.deepEqual(Object.keys(en.body.errors).sort(), Object.keys(zh.body.errors).sort(), 'the same fields');
    assertEnglish(en, 'intake in English');
    assert.equal(en.body.errors.gridUnitId, 'must be a whole number');
    assert.match(en.body.message, /gridUnitId must be a whole number/);
  });

  it('workflow: the extension days, a missing unit, a refused status, a refused role', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const act = (token: string, action: string, body: object, lang?: string) => as(token, lang)(t.http.post(`/api/cases/${c.id}/actions/${action}`)).send({ version: c.version, ...body });

    const noUnit = await act(w.users.dispatcher.token, 'dispatch', {});
    assertChinese(noUnit, 'dispatch without a unit');
    assert.equal(noUnit.body.errors.departmentId, '请选择责任单位');
    assertEnglish(await act(w.users.dispatcher.token, 'dispatch', {}, 'en'), 'dispatch without a unit, English');

    const wrong = await act(w.users.dispatcher.token, 'reply', { result: '已修好' });
    assert.equal(wrong.status, 409);
    assertChinese(wrong, 'reply while received');
    assert.match(wrong.body.message, /工单已受理，不能答复；现在可以：.*派单/);
    assert.deepEqual(wrong.body.allowed.includes('dispatch'), true, 'the codes stay for scripts');
    const wrongEn = await act(w.users.dispatcher.token, 'reply', { result: 'fixed' }, 'en');
    assert.match(wrongEn.body.message, /"reply" is not allowed while the case is received/);

    const role = await act(w.users.worker.token, 'supervise', { level: 'yellow' });
    assert.equal(role.status, 403);
    assertChinese(role, 'a grid worker supervising');
    assert.match(role.body.message, /督办/);

    const dispatched = await act(w.users.dispatcher.token, 'dispatch', { departmentId: w.departments.property });
    assert.equal(dispatched.status, 200, JSON.stringify(dispatched.body));
    const accepted = await as(w.users.handler.token)(t.http.post(`/api/cases/${c.id}/actions/accept`)).send({ version: dispatched.body.version });
    assert.equal(accepted.status, 200);
    const extend = (lang?: string) => as(w.users.handler.token, lang)(t.http.post(`/api/cases/${c.id}/actions/request_extension`)).send({ version: accepted.body.version, days: 99, reason: '等配件' });
    const days = await extend();
    assertChinese(days, 'an extension of 99 days');
    assert.equal(days.body.errors.days, '必须是 1 到 60 之间的整数个工作日');
    assert.equal((await extend('en')).body.errors.days, 'must be a whole number of working days from 1 to 60');
  });

  it('permissions, sign-in, not found: 403, 401, 404', async () => {
    const roles = await as(w.users.dispatcher.token)(t.http.post('/api/users')).send({ username: 'x1', name: '某人', role: 'admin', password: 'password-1' });
    assert.equal(roles.status, 403);
    assertChinese(roles, 'a dispatcher adding a user');
    assert.match(roles.body.message, /系统管理员|督办/);
    const rolesEn = await as(w.users.dispatcher.token, 'en')(t.http.post('/api/users')).send({ username: 'x1', name: 'x', role: 'admin', password: 'password-1' });
    assert.match(rolesEn.body.message, /This needs one of the roles/);

    const anonymous = await t.http.get('/api/cases');
    assert.equal(anonymous.status, 401);
    assertChinese(anonymous, 'no token');
    const wrongPassword = await t.http.post('/api/auth/login').send({ username: 'admin', password: 'nope' });
    assert.equal(wrongPassword.body.message, '用户名或密码错误');
    assert.equal((await t.http.post('/api/auth/login').set('Accept-Language', 'en').send({ username: 'admin', password: 'nope' })).body.message, 'Wrong username or password');

    const missing = await as(w.admin)(t.http.get('/api/cases/999999'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.message, '工单 999999 不存在');
    const noRoute = await as(w.admin)(t.http.get('/api/nowhere'));
    assert.equal(noRoute.status, 404);
    assertChinese(noRoute, 'an unknown address');
  });

  it('list queries and bodies: an unknown filter, malformed JSON, a bad id, a body that is not JSON', async () => {
    const unknown = await as(w.admin)(t.http.get(`/api/cases?filter=${filter({ colour: 'red' })}`));
    assert.equal(unknown.status, 400);
    assertChinese(unknown, 'an unknown filter');
    assert.match(unknown.body.errors['filter.colour'], /不是可用的筛选条件；可用：搜索、/);
    const malformed = await as(w.admin)(t.http.get('/api/cases?filter={"status":'));
    assertChinese(malformed, 'a filter that is not JSON');
    assertEnglish(await as(w.admin, 'en')(t.http.get('/api/cases?filter={"status":')), 'a filter that is not JSON, English');
    assertChinese(await as(w.admin)(t.http.get('/api/cases/abc')), 'a bad id');
    const body = await as(w.admin)(t.http.post('/api/channels')).set('Content-Type', 'application/json').send('{"name": ');
    assert.equal(body.status, 400);
    assertChinese(body, 'a body that is not JSON');
    const stage = await as(w.users.dispatcher.token)(t.http.post(`/api/cases/${(await logCase(t, w, w.users.dispatcher.token)).id}/attachments`)).attach('file', Buffer.from('not a photo at all'), 'x.jpg');
    assert.equal(stage.status, 400);
    assertChinese(stage, 'an upload that is not a photo');
  });
});
