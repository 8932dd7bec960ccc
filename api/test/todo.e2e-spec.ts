import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

describe('我的待办: what waits on each person', () => {
  let t: TestApp;
  let w: World;
  const todo = async (token: string) => {
    const res = await t.http.get('/api/cases/todo').set('Authorization', `Bearer ${token}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return Object.fromEntries(res.body.map((b: { key: string; count: number }) => [b.key, b.count])) as Record<string, number>;
  };
  /** The cases behind a bucket, through the list the console shows. */
  const behind = async (token: string, key: string) => {
    const buckets = (await t.http.get('/api/cases/todo').set('Authorization', `Bearer ${token}`)).body;
    const b = buckets.find((x: { key: string }) => x.key === key);
    const res = await t.http.get(`/api/cases?filter=${filter(b.filter)}`).set('Authorization', `Bearer ${token}`);
    assert.equal(Number(res.headers['content-range'].split('/')[1]), b.count, `${key}: the count is the list's total`);
    return res.body.map((c: { id: number }) => c.id);
  };
  const act = (token: string, c: { id: number; version: number }, action: string, body: Record<string, unknown> = {}) => doAction(t, token, c, action, body);

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('each role gets its own buckets', async () => {
    assert.deepEqual(Object.keys(await todo(w.users.handler.token)), ['to_sign', 'to_reply', 'supervised', 'overdue', 'extension_pending', 'paused']);
    assert.deepEqual(Object.keys(await todo(w.users.dispatcher.token)), ['to_handle', 'returned', 'to_follow_up', 'in_community', 'overdue']);
    assert.deepEqual(Object.keys(await todo(w.users.supervisor.token)), ['extensions', 'pause_requests', 'returned', 'appeals', 'bounced', 'overdue', 'supervised']);
  });

  it('a case moves from bucket to bucket as it is worked, for exactly the people it waits on', async () => {
    let c = await logCase(t, w, w.users.dispatcher.token);
    assert.deepEqual(await behind(w.users.dispatcher.token, 'to_handle'), [c.id]);
    assert.deepEqual(await behind(w.users.worker.token, 'to_handle'), [c.id], 'the grid worker of its grid too');
    assert.equal((await todo(w.users.handler.token)).to_sign, 0);

    c = await act(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    assert.equal((await todo(w.users.dispatcher.token)).to_handle, 0);
    assert.deepEqual(await behind(w.users.handler.token, 'to_sign'), [c.id]);

    c = await act(w.users.handler.token, c, 'accept');
    let h = await todo(w.users.handler.token);
    assert.deepEqual([h.to_sign, h.to_reply], [0, 1]);

    assert.equal(h.supervised, 0);
    c = await act(w.users.supervisor.token, c, 'supervise', { level: 'red', note: '三天内必须解决' });
    assert.deepEqual(await behind(w.users.handler.token, 'supervised'), [c.id], 'a red card is its own bucket for the unit');

    c = await act(w.users.handler.token, c, 'request_extension', { days: 3, reason: '等待配件' });
    assert.deepEqual(await behind(w.users.supervisor.token, 'extensions'), [c.id]);
    assert.equal((await todo(w.users.handler.token)).extension_pending, 1);
    c = await act(w.users.supervisor.token, c, 'reject_extension');
    assert.equal((await todo(w.users.supervisor.token)).extensions, 0);

    c = await act(w.users.handler.token, c, 'reply', { result: '已修复' });
    h = await todo(w.users.handler.token);
    assert.equal(h.to_reply, 0);
    assert.deepEqual(await behind(w.users.dispatcher.token, 'to_follow_up'), [c.id]);
    c = await act(w.users.dispatcher.token, c, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
    const d = await todo(w.users.dispatcher.token);
    assert.equal(d.to_follow_up + d.to_handle + d.returned + d.in_community, 0, 'nothing left once it is closed');
  });

  it('returned cases wait on the dispatcher and the supervisor; community cases on intake staff; late ones as overdue', async () => {
    let r = await logCase(t, w, w.users.dispatcher.token);
    r = await act(w.users.dispatcher.token, r, 'dispatch', { departmentId: w.departments.property });
    r = await act(w.users.handler.token, r, 'return', { reason: 'wrong_area' });
    assert.deepEqual(await behind(w.users.dispatcher.token, 'returned'), [r.id]);
    assert.deepEqual(await behind(w.users.supervisor.token, 'returned'), [r.id]);

    let own = await logCase(t, w, w.users.worker.token);
    own = await act(w.users.worker.token, own, 'handle_in_community');
    assert.deepEqual(await behind(w.users.worker.token, 'in_community'), [own.id]);

    const late = await logCase(t, w, w.users.dispatcher.token, { receivedAt: '2026-03-02T09:00:00+08:00' });
    assert.ok((await behind(w.users.dispatcher.token, 'overdue')).includes(late.id));
    assert.ok((await behind(w.users.supervisor.token, 'overdue')).includes(late.id));
    assert.ok(!(await behind(w.users.handler.token, 'overdue')).includes(late.id), 'not the unit’s case');
  });

  it('a tab sorted by any column the console offers lists the same cases; a closed status is no open one', async () => {
    const token = w.users.supervisor.token;
    const buckets = (await t.http.get('/api/cases/todo').set('Authorization', `Bearer ${token}`)).body;
    const overdue = buckets.find((x: { key: string }) => x.key === 'overdue');
    const ids = async (sort: [string, string]) => {
      const res = await t.http.get(`/api/cases?filter=${filter(overdue.filter)}&sort=${encodeURIComponent(JSON.stringify(sort))}&range=[0,999]`).set('Authorization', `Bearer ${token}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { id: number; resolveDueAt: string; status: string }[];
    };
    const byDue = await ids(['resolveDueAt', 'DESC']);
    assert.ok(byDue.length > 0 && byDue.length === overdue.count);
    assert.ok(byDue.every((c) => !['closed', 'merged', 'rejected'].includes(c.status)));
    // Most late first: due times never rise down the page.
    assert.ok(byDue.every((c, i) => i === 0 || Date.parse(byDue[i - 1].resolveDueAt) >= Date.parse(c.resolveDueAt)));
    for (const column of ['number', 'title', 'categoryId', 'departmentId', 'receivedAt']) {
      const sorted = await ids([column, 'ASC']);
      assert.deepEqual(sorted.map((c) => c.id).sort((a, b) => a - b), byDue.map((c) => c.id).sort((a, b) => a - b), column);
    }
    const closed = await t.http.get(`/api/cases?filter=${filter({ open: 'closed' })}`).set('Authorization', `Bearer ${token}`);
    assert.equal(closed.status, 400);
    assert.ok(closed.body.errors['filter.open'], JSON.stringify(closed.body));
  });
});
