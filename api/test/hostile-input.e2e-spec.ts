import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type request from 'supertest';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { hostileRequests, type FuzzTargets, type HostileRequest } from './support/hostile.js';
import { learnTargets } from './support/hostile-targets.js';
import { INTERNALS } from './support/hostile-values.js';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../src/common/json-body.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/** Seeded so that CI is repeatable; FUZZ_SEED=<n> explores others, FUZZ_RUNS=<n> more or fewer requests. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** A token signed with `alg: none`, as a forger sends it. */
const FORGED = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOjEsInJvbGUiOiJhZG1pbiJ9.';

describe('Hostile input: no request answers 5xx or shows the inside of the server', () => {
  let t: TestApp;
  let w: World;
  const tokens: Record<string, string | undefined> = {};
  let targets: FuzzTargets;
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    Object.assign(tokens, { admin: w.admin, supervisor: w.users.supervisor.token, dispatcher: w.users.dispatcher.token, worker: w.users.worker.token, handler: w.users.handler.token, none: undefined, forged: FORGED });
    // Cases in several statuses, so that actions, timelines and reports meet real rows.
    for (let i = 0; i < 12; i++) {
      const c = await logCase(t, w, w.users.dispatcher.token, { reporterName: '张三', reporterPhone: `1381234${String(5600 + i)}` });
      if (i % 3 === 1) await doAction(t, w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
      if (i % 3 === 2) await doAction(t, w.users.dispatcher.token, c, 'close_directly', { result: '已当场解答' });
    }
    const u = w.units;
    const ids = { channel: w.channels.hotline, category: w.categories.property, subCategoryParent: w.categories.property, compound: u.compound, zone: u.zone, department: w.departments.property, handler: w.users.handler.id };
    targets = await learnTargets(async (path) => {
      const res = await t.http.get(path).set('Authorization', `Bearer ${tokens.admin}`).set('Accept-Language', 'en');
      return { status: res.status, body: res.body };
    }, ids);
  });

  after(async () => t?.close());

  const send = async (r: HostileRequest) => {
    const headers: Record<string, string> = {};
    if (r.freshVersion) r = { ...r, payload: await withCurrentVersion(r) };
    const token = tokens[r.as];
    if (token) headers.authorization = `Bearer ${token}`;
    if (r.payload !== undefined) headers['content-type'] = r.contentType ?? 'application/json';
    return t.app.getHttpAdapter().getInstance().inject({ method: r.method, url: r.url, payload: r.payload, headers });
  };

  /** The body with the case's current version, where the body is an object and the case exists. */
  async function withCurrentVersion(r: HostileRequest): Promise<string | undefined> {
    const [, resource, id] = /^\/api\/([a-z-]+)\/([1-9]\d*)(\/|$)/.exec(r.url) ?? [];
    // A body too deep or broken to rewrite goes as it is (the server refuses it before any version matters).
    if (!id || !r.payload || !r.payload.startsWith('{') || jsonDepthExceeds(r.payload, MAX_JSON_DEPTH)) return r.payload;
    let body: unknown;
    try {
      body = JSON.parse(r.payload);
    } catch {
      return r.payload;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return r.payload;
    const c = await t.http.get(`/api/${resource}/${id}`).set('Authorization', `Bearer ${tokens.admin}`);
    return c.status === 200 ? JSON.stringify({ ...body, version: c.body.version }) : r.payload;
  }

  it(`answers ${RUNS.toLocaleString('en')} generated hostile requests across every route family with a 4xx or a success, never a 5xx or a stack`, async () => {
    const seen = new Map<string, Map<number, number>>();
    // FUZZ_REPORT=1: run them all and list every failure (one line each) instead of stopping at the first.
    const report: string[] = [];
    const check = async (r: HostileRequest) => {
        const res = await send(r);
        const byStatus = seen.get(r.family) ?? new Map<number, number>();
        byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
        seen.set(r.family, byStatus);
        const where = `${r.method} ${r.url.slice(0, 300)} as ${r.as} ${r.payload?.slice(0, 200) ?? ''}`;
        assert.ok(res.statusCode < 500, `${res.statusCode} for ${where}: ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) {
          assert.doesNotMatch(res.body, INTERNALS, `internals in the answer to ${where}`);
          const body = JSON.parse(res.body) as { message?: unknown };
          assert.equal(typeof body.message, 'string', `a message says what is wrong: ${where}`);
        }
    };
    await fc.assert(
      fc.asyncProperty(hostileRequests(targets), async (r) => {
        if (!process.env.FUZZ_REPORT) return check(r);
        await check(r).catch((err: Error) => report.push(`${err.message.split('\n')[0]} (${r.method} ${r.url.slice(0, 200)} ${r.contentType ?? ''} ${r.payload?.slice(0, 120) ?? ''})`));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (process.env.FUZZ_REPORT) for (const [family, byStatus] of seen) console.log(family, JSON.stringify(Object.fromEntries(byStatus)));
    assert.deepEqual(report, []);
    // Every family was reached, and most of them were refused rather than all passing by luck.
    const families = [...seen.keys()].sort();
    assert.ok(families.length >= 16, `families reached: ${families.join(', ')}`);
    for (const [family, byStatus] of seen) {
      const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
      assert.ok(total >= RUNS / 60, `${family} tried ${total} times`);
    }
    const health = await t.http.get('/api/health');
    assert.equal(health.status, 200, 'the server is healthy after it');
    const list = await t.http.get('/api/cases').set('Authorization', `Bearer ${tokens.admin}`);
    assert.equal(list.status, 200, 'and still serves its people');
  });

  it("answers each request the city's probe found answering 500 with a 400 naming the field", async () => {
    const admin = (req: request.Test) => req.set('Authorization', `Bearer ${tokens.admin}`).set('Accept-Language', 'en');
    const refused = async (req: request.Test, field: string, why: string) => {
      const res = await req;
      assert.equal(res.status, 400, `${req.url}: ${res.status} ${res.text}`);
      assert.ok(res.body.errors && field in res.body.errors, `${req.url} names ${field}: ${res.text}`);
      assert.match(JSON.stringify(res.body), new RegExp(why), req.url);
    };
    const deep = `{"username":${'['.repeat(1500)}1${']'.repeat(1500)},"password":"x"}`;
    await refused(t.http.post('/api/auth/login').set('Content-Type', 'application/json').set('Accept-Language', 'en').send(deep), 'body', 'nested too deeply');
    for (const r of ['cases', 'residents', 'users', 'grid-units', 'channels', 'attachments', 'case-events']) {
      await refused(admin(t.http.get(`/api/${r}?filter=${encodeURIComponent('{"__proto__":1}')}`)), 'filter.__proto__', 'is not a filter');
      await refused(admin(t.http.get(`/api/${r}?filter=${filter({ valueOf_gte: 1 })}`)), 'filter.valueOf_gte', 'is not a filter');
      for (const f of ['toString', 'constructor', 'hasOwnProperty']) await refused(admin(t.http.get(`/api/${r}?sort=${filter([f, 'DESC'])}`)), 'sort', 'cannot sort');
    }
    await refused(admin(t.http.get(`/api/cases.csv?sort=${filter(['propertyIsEnumerable', 'ASC'])}`)), 'sort', 'cannot sort');
    for (const path of ['/api/cases', '/api/residents', '/api/cases.csv', '/api/grid-units']) {
      for (const unitId of [null, {}, [], '0x10', '1e2', 'x']) await refused(admin(t.http.get(`${path}?filter=${filter({ unitId })}`)), 'filter.unitId', 'whole number');
    }
    const c = (await admin(t.http.get(`/api/cases?filter=${filter({ status: 'received' })}`))).body[0];
    for (const note of [{ toString: 1 }, ['x'], 5]) await refused(admin(t.http.post(`/api/cases/${c.id}/actions/comment`)).send({ version: c.version, note }), 'note', 'must be a string');
    for (const assigneeId of [[], {}, [1, 2], '7', 0.5]) {
      await refused(admin(t.http.post(`/api/cases/${c.id}/actions/dispatch`)).send({ version: c.version, departmentId: w.departments.property, assigneeId }), 'assigneeId', 'whole number');
    }
    await refused(admin(t.http.post(`/api/cases/${c.id}/actions/dispatch`)).set('Content-Type', 'application/json').send(`{"version":${c.version},"departmentId":1e400}`), 'departmentId', 'whole number');
    await refused(admin(t.http.post('/api/departments')).send({ name: '空类别单位', kind: null }), 'kind', '');
    await refused(admin(t.http.post('/api/residents')).send({ name: '王五', gridUnitId: w.units.compound, tags: null }), 'tags', '');
    await refused(admin(t.http.post('/api/cases')).send({ ...targets.bodies.cases, description: null }), 'description', '');
    for (const sort of targets.lists.attachments.sorts) assert.equal((await admin(t.http.get(`/api/attachments?sort=${filter([sort, 'DESC'])}`))).status, 200, `attachments by ${sort}`);
    // Ids only as written canonically: no record answers to another spelling of its id.
    for (const id of ['+1', '%201', '0x10', '0o7', '0b11', '1e2', '1%20', '01', '1.0', '-1', '0', '13812345601', '9007199254740993']) {
      const why = /^\d{10,}$/.test(id) ? 'not be greater than 2147483647' : 'whole number';
      for (const r of ['cases', 'users', 'residents', 'categories']) await refused(admin(t.http.get(`/api/${r}/${id}`)), 'id', why);
      await refused(admin(t.http.post(`/api/cases/${id}/actions/comment`)).send({ version: 1 }), 'id', why);
    }
    // A number past a column's range where an id belongs (PostgreSQL's integers are 32-bit): a 400, not the database's error.
    await refused(admin(t.http.get(`/api/cases?filter=${filter({ gridUnitId: 13812345601 })}`)), 'filter.gridUnitId', 'greater than');
    assert.equal((await admin(t.http.put('/api/auth/me/settings')).send({ defaultChannelId: -8.089490063615767e77 })).status, 400);
    assert.equal((await admin(t.http.get('/api/cases/duplicates?categoryId=2&gridUnitId=13812345601'))).status, 400);
    assert.equal((await admin(t.http.get(`/api/cases/${c.id}`))).status, 200, 'the canonical id still reaches it');
  });

  it('never lets a prototype-named key change what other requests see', async () => {
    for (const body of ['{"__proto__":{"role":"admin","admin":true}}', '{"constructor":{"prototype":{"role":"admin"}}}']) {
      await send({ family: 'x', method: 'POST', url: '/api/channels', payload: body, as: 'admin' });
    }
    assert.equal(({} as Record<string, unknown>).role, undefined, 'Object.prototype untouched');
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${tokens.handler}`);
    assert.equal(me.body.role, 'handler');
  });
});
