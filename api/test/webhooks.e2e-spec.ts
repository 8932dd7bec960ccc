import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'receiver-secret-0123456789';
const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');

interface Heard {
  id: number;
  event: string;
  caseId: number;
  number: string;
  status: string;
  data: Record<string, unknown>;
}

/** A receiver that refuses its first `failures` calls (a platform down for a while), then acknowledges. */
function receiver(failures: number) {
  const acknowledged: Heard[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls++;
      const stamp = String(req.headers['x-tracker-timestamp']);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${stamp}.${body}`).digest('hex')}`;
      assert.equal(req.headers['x-tracker-signature'], expected, 'signed with the secret over timestamp.body');
      if (calls <= failures) return void res.writeHead(503).end('maintenance');
      const heard = JSON.parse(body) as Heard;
      assert.equal(req.headers['x-tracker-event'], heard.event);
      acknowledged.push(heard);
      res.writeHead(204).end();
    });
  });
  return { server, acknowledged, calls: () => calls };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('webhooks: events out of the timeline, signed, in order per case, retried until acknowledged', () => {
  let t: TestApp;
  let w: World;
  const rx = receiver(3);
  let url = '';

  before(async () => {
    await new Promise<void>((r) => rx.server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/hook`;
    t = await startTestApp({ WEBHOOK_POLL_SECONDS: '0.1', WEBHOOK_RETRY_SECONDS: '0.2' });
    w = await buildWorld(t);
    // On PostgreSQL a second instance feeds and sends too: each event must still arrive once.
    if (onPostgres) await t.another();
  });
  after(async () => {
    await t.close();
    rx.server.close();
  });

  it('registers a receiver whose secret is never shown again', async () => {
    const res = await t.http.post('/api/webhooks').set('Authorization', `Bearer ${w.admin}`).send({ name: '12345 平台', url, secret: SECRET, events: [] });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.secret, undefined);
    const refused = await t.http.post('/api/webhooks').set('Authorization', `Bearer ${w.admin}`).send({ name: 'x', url: 'ftp://example.org', secret: 'short', events: ['nonsense'] });
    assert.equal(refused.status, 400);
    assert.deepEqual(Object.keys(refused.body.errors).sort(), ['events', 'secret', 'url']);
    assert.equal((await t.http.get('/api/webhooks').set('Authorization', `Bearer ${w.users.supervisor.token}`)).status, 403);
  });

  it('delivers every event of two cases once, each case in order, through a receiver that fails then recovers', async () => {
    const cases = [];
    for (let i = 0; i < 2; i++) {
      let c = await logCase(t, w, w.users.dispatcher.token, { reporterName: '李大爷', reporterPhone: '13900001111' });
      c = await doAction(t, w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
      c = await doAction(t, w.users.handler.token, c, 'accept');
      c = await doAction(t, w.users.handler.token, c, 'reply', { result: '已修复' });
      cases.push(c);
    }
    await until('8 acknowledged events', async () => (rx.acknowledged.length >= 8 ? true : undefined));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(rx.acknowledged.length, 8, 'each event once');
    for (const c of cases) {
      const heard = rx.acknowledged.filter((h) => h.caseId === c.id);
      assert.deepEqual(heard.map((h) => h.event), ['create', 'dispatch', 'accept', 'reply']);
      assert.deepEqual(heard.map((h) => h.id), [...heard.map((h) => h.id)].sort((a, b) => a - b), 'in timeline order');
      assert.equal(heard[0].number, c.number);
      assert.equal(heard.at(-1)!.status, 'replied');
      assert.equal(heard[1].data.departmentId, w.departments.property);
    }
    const all = JSON.stringify(rx.acknowledged);
    assert.ok(!all.includes('13900001111') && !all.includes('李大爷'), 'no personal data leaves');
    assert.ok(rx.calls() >= 11, 'the refused calls were retried');

    const [hook] = (await t.http.get('/api/webhooks').set('Authorization', `Bearer ${w.admin}`)).body;
    const log = await t.http.get(`/api/webhooks/${hook.id}/deliveries`).set('Authorization', `Bearer ${w.admin}`);
    assert.equal(log.status, 200);
    assert.match(log.headers['content-range'], /\/8$/);
    assert.ok(log.body.every((d: { state: string }) => d.state === 'delivered'));
    const retried = log.body.filter((d: { attempts: number }) => d.attempts > 1);
    assert.ok(retried.length >= 1);
    assert.ok(retried.every((d: { lastStatus: number }) => d.lastStatus === 204));
  });

  it('a receiver with deliveries on record is disabled, not deleted; a disabled one hears nothing', async () => {
    const [hook] = (await t.http.get('/api/webhooks').set('Authorization', `Bearer ${w.admin}`)).body;
    const del = await t.http.delete(`/api/webhooks/${hook.id}`).set('Authorization', `Bearer ${w.admin}`);
    assert.equal(del.status, 409);
    const off = await t.http.put(`/api/webhooks/${hook.id}`).set('Authorization', `Bearer ${w.admin}`).send({ active: false, version: hook.version });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    const before = rx.acknowledged.length;
    await logCase(t, w, w.users.dispatcher.token);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(rx.acknowledged.length, before);
  });

  it('answers the deliveries of another instance’s write too (shared database)', { skip: !onPostgres && 'two instances run on PostgreSQL' }, async () => {
    const other = request((await t.another()).getHttpServer());
    const res = await other.get('/api/webhook-deliveries?range=[0,0]').set('Authorization', `Bearer ${w.admin}`);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-range'], /\/8$/);
  });
});
