import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import argon2 from 'argon2';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RateLimiter } from '../src/common/rate-limiter.js';
import { User } from '../src/users/user.entity.js';
import { edit } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Sign-in as an attacker would try it (issue 15, item 2). Limits set low; each test signs in from its own
 * client address (X-Forwarded-For, trusted here as behind a proxy), since the address limit counts across tests.
 */
describe('login abuse', () => {
  let t: TestApp;
  let admin: string;
  before(async () => {
    t = await startTestApp({
      TRUST_PROXY: 'true',
      LOGIN_ACCOUNT_LIMIT: '3',
      LOGIN_ACCOUNT_LOCK_SECONDS: '600',
      LOGIN_ADDRESS_LIMIT: '5',
      LOGIN_HASH_CONCURRENCY: '1',
      LOGIN_HASH_QUEUE: '0',
    });
    admin = await t.login('admin');
  });
  after(() => t.close());

  const signIn = (username: string, password: string, from: string, lang = 'zh-CN', http = t.http) =>
    http.post('/api/auth/login').set('X-Forwarded-For', from).set('Accept-Language', lang).send({ username, password });
  const me = (token: string, http = t.http) => http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const newUser = async (username: string, password = 'password-1') => {
    const res = await t.http.post('/api/users').set('Authorization', `Bearer ${admin}`).send({ username, name: username, role: 'dispatcher', password });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as number;
  };
  const token = async (username: string, from: string, password = 'password-1') => {
    const res = await signIn(username, password, from);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.token as string;
  };

  it('locks an account after 3 failures: 429 with Retry-After and a message saying when, from any address', async () => {
    await newUser('locked');
    assert.equal((await signIn('locked', 'wrong-1', '10.0.1.1')).status, 401);
    assert.equal((await signIn('locked', 'wrong-2', '10.0.1.2')).status, 401);
    const third = await signIn('locked', 'wrong-3', '10.0.1.3');
    assert.equal(third.status, 429);
    const wait = Number(third.headers['retry-after']);
    assert.ok(wait > 590 && wait <= 600, `Retry-After in seconds: ${third.headers['retry-after']}`);
    assert.equal(third.body.message, '登录失败次数过多，请 10 分钟后再试');
    const right = await signIn('locked', 'password-1', '10.0.1.4', 'en');
    assert.equal(right.status, 429, 'the right password waits too: the lock is on the account');
    assert.equal(right.body.message, 'Too many failed sign-ins; try again in 10 min');
    assert.ok(Number(right.headers['retry-after']) > 0);
  });

  it("a successful sign-in clears the account's failures", async () => {
    await newUser('forgetful');
    for (let i = 0; i < 2; i++) assert.equal((await signIn('forgetful', 'wrong', '10.0.2.1')).status, 401);
    await token('forgetful', '10.0.2.2');
    for (let i = 0; i < 2; i++) assert.equal((await signIn('forgetful', 'wrong', '10.0.2.3')).status, 401, 'counted from zero again');
    await token('forgetful', '10.0.2.4');
  });

  it('limits failures per client address across usernames, and only that address', async () => {
    await newUser('neighbour');
    for (let i = 1; i <= 4; i++) assert.equal((await signIn(`guess${i}`, 'wrong', '10.0.3.1')).status, 401);
    const fifth = await signIn('guess5', 'wrong', '10.0.3.1');
    assert.equal(fifth.status, 429);
    assert.ok(Number(fifth.headers['retry-after']) > 0);
    assert.equal((await signIn('neighbour', 'password-1', '10.0.3.1')).status, 429, 'the address is locked for every account');
    await token('neighbour', '10.0.3.2');
  });

  it('answers an unknown user, a wrong password and a disabled account alike: 401, the same body', async () => {
    const id = await newUser('retired');
    await newUser('present');
    assert.equal((await edit(t.http, admin, `/users/${id}`, { active: false })).status, 200);
    const unknown = await signIn('nobody-here', 'password-1', '10.0.4.1');
    const wrong = await signIn('present', 'password-2', '10.0.4.2');
    const disabled = await signIn('retired', 'password-1', '10.0.4.3');
    for (const res of [unknown, wrong, disabled]) assert.equal(res.status, 401);
    assert.deepEqual(unknown.body, wrong.body);
    assert.deepEqual(disabled.body, wrong.body);
    assert.equal(wrong.body.message, '用户名或密码错误');
    // Unknown usernames are counted and locked like real ones: a lock tells nothing either.
    await signIn('nobody-here', 'x', '10.0.4.4');
    assert.equal((await signIn('nobody-here', 'x', '10.0.4.5')).status, 429);
  });

  it('counts the failures of every instance on the database together, in the database', async () => {
    await newUser('shared');
    const second = request((await t.another()).getHttpServer());
    assert.equal((await signIn('shared', 'wrong', '10.0.5.1')).status, 401);
    assert.equal((await signIn('shared', 'wrong', '10.0.5.2', 'zh-CN', second)).status, 401);
    assert.equal((await signIn('shared', 'wrong', '10.0.5.3')).status, 429, 'the third failure, two instances together');
    assert.equal((await signIn('shared', 'password-1', '10.0.5.4', 'zh-CN', second)).status, 429, 'locked on the other instance as well');
    const rows: { hits: number | string; blocked_until: number | string }[] = await t.app.get(DataSource).query(`SELECT "hits", "blocked_until" FROM "rate_limits" WHERE "key" = 'login:account:shared'`);
    assert.equal(rows.length, 1);
    assert.ok(Number(rows[0].blocked_until) > Date.now());
    assert.equal((await me(admin)).status, 200, 'a second instance starting with the same ADMIN_PASSWORD signs no one out');
  });

  it('locks for longer each time in a row, and forgets after a quiet spell', async () => {
    const limiter = t.app.get(RateLimiter);
    const rule = { limit: 2, windowMs: 60_000, lockMs: 10_000, maxLockMs: 35_000 };
    let now = 1_900_000_000_000;
    const twice = async () => [await limiter.hit('test:grow', rule, now), await limiter.hit('test:grow', rule, now)];
    assert.deepEqual(await twice(), [0, 10_000]);
    assert.equal(await limiter.lockedFor(['test:grow', 'test:other'], now + 4_000), 6_000);
    now += 10_001;
    assert.deepEqual(await twice(), [0, 20_000]);
    now += 20_001;
    assert.deepEqual(await twice(), [0, 35_000], 'doubled, up to the most');
    now += 35_000 + 35_001;
    assert.deepEqual(await twice(), [0, 10_000], 'a quiet spell as long as the longest lock starts over');
    await limiter.clear('test:grow');
    assert.equal(await limiter.lockedFor(['test:grow'], now), 0);
  });

  it('signing out ends every session of the user, here at once and on another instance within a second', async () => {
    await newUser('leaver');
    const first = await token('leaver', '10.0.6.1');
    await new Promise((r) => setTimeout(r, 1_000)); // a token of another second, so the two differ
    const other = await token('leaver', '10.0.6.2');
    const second = request((await t.another()).getHttpServer());
    assert.equal((await me(other, second)).status, 200, 'known to the other instance');
    assert.equal((await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${first}`)).status, 204);
    assert.equal((await me(first)).status, 401);
    assert.equal((await me(other)).status, 401, 'signed out everywhere');
    await new Promise((r) => setTimeout(r, 1_100));
    const there = await me(other, second);
    assert.equal(there.status, 401);
    assert.equal(there.body.message, '登录已过期或凭证无效，请重新登录');
    assert.equal((await me(await token('leaver', '10.0.6.3'))).status, 200, 'signing in again works');
  });

  it("a new password set by an admin ends the user's sessions, not the admin's", async () => {
    const id = await newUser('changer');
    const before = await token('changer', '10.0.7.1');
    const put = await edit(t.http, admin, `/users/${id}`, { password: 'password-new' });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.ok(!('tokenVersion' in put.body), 'the token version stays inside');
    assert.equal((await me(before)).status, 401);
    assert.equal((await me(admin)).status, 200);
    assert.equal((await me(await token('changer', '10.0.7.2', 'password-new'))).status, 200);
    const other = await edit(t.http, admin, `/users/${id}`, { name: '改名' });
    assert.equal(other.status, 200);
  });

  it('a user changes their own password with the current one: earlier sessions end, the answer carries a new one', async () => {
    await newUser('self');
    const before = await token('self', '10.0.10.1');
    const change = (body: object, bearer = before) => t.http.put('/api/auth/me/password').set('Authorization', `Bearer ${bearer}`).set('X-Forwarded-For', '10.0.10.2').send(body);
    const wrong = await change({ currentPassword: 'not-it', password: 'password-2' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.errors.currentPassword, '不正确');
    assert.equal(wrong.body.message, '提交的内容有误：当前密码不正确');
    assert.ok((await change({ currentPassword: 'password-1', password: 'short' })).body.errors.password, 'at least 8 characters');
    const done = await change({ currentPassword: 'password-1', password: 'password-2' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.user.username, 'self');
    assert.equal((await me(before)).status, 401, 'the session it was changed from ends as well');
    assert.equal((await me(done.body.token)).status, 200, 'the answer signs the user in again');
    assert.equal((await signIn('self', 'password-1', '10.0.10.3')).status, 401);
    await token('self', '10.0.10.3', 'password-2');
    // Guessing the current password through this route counts as failed sign-ins (the limit is 3 here).
    for (const guess of ['guess-1', 'guess-2']) assert.equal((await change({ currentPassword: guess, password: 'password-3' }, done.body.token)).status, 400);
    assert.equal((await change({ currentPassword: 'guess-3', password: 'password-3' }, done.body.token)).status, 429);
  });

  it('verifies a hash made with the old parameters and makes it again with the new', async () => {
    await newUser('veteran');
    const users = t.app.get(DataSource).getRepository(User);
    const old = await argon2.hash('password-1', { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 });
    await users.update({ username: 'veteran' }, { passwordHash: old });
    await token('veteran', '10.0.8.1');
    const row = await users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.username = :u', { u: 'veteran' }).getOneOrFail();
    assert.match(row.passwordHash, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await token('veteran', '10.0.8.2');
  });

  it('tells sign-ins beyond the hash queue to retry shortly (429), and fails none', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(`crowd${i}`, 'password-1', `10.0.9.${i + 1}`)));
    assert.deepEqual(all.filter((r) => r.status !== 401 && r.status !== 429).map((r) => r.status), []);
    const busy = all.filter((r) => r.status === 429);
    assert.ok(busy.length > 0, 'one hash at a time and none waiting: some are turned away');
    assert.equal(busy[0].headers['retry-after'], '2');
    assert.equal(busy[0].body.message, '同时登录的人太多，请 2 秒后再试');
  });
});
