import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, doAction, logCase, tryAction, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

describe('workflow: actions, clocks, refusals, conflicts', () => {
  let t: TestApp;
  let w: World;
  const act = (token: string, c: { id: number; version: number }, action: string, body: Record<string, unknown> = {}) => tryAction(t, token, c, action, body);
  const ok = (token: string, c: { id: number; version: number }, action: string, body: Record<string, unknown> = {}) => doAction(t, token, c, action, body);
  const timeline = async (id: number) => (await t.http.get(`/api/case-events?filter=${filter({ caseId: id })}`).set('Authorization', `Bearer ${w.admin}`)).body;
  const allowed = async (token: string, id: number) => (await t.http.get(`/api/cases/${id}/actions`).set('Authorization', `Bearer ${token}`)).body.map((a: { action: string }) => a.action);

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('closes a case on the spot', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const done = await ok(w.users.dispatcher.token, c, 'close_directly', { result: '已当场联系物业更换灯泡' });
    assert.equal(done.status, 'closed');
    assert.equal(done.handledDirectly, true);
    assert.ok(done.closedAt);
    assert.equal(done.version, 2);
    const events = await timeline(c.id);
    assert.deepEqual(events.map((e: { action: string }) => e.action), ['create', 'close_directly']);
    assert.equal(events[1].fromStatus, 'received');
    assert.equal(events[1].toStatus, 'closed');
  });

  it('dispatch → accept → contact → reply → follow-up satisfied closes it, with every timestamp', async () => {
    let c = await logCase(t, w, w.users.dispatcher.token);
    assert.ok((await allowed(w.users.dispatcher.token, c.id)).includes('dispatch'));
    c = await ok(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    assert.equal(c.status, 'dispatched');
    assert.ok(c.dispatchedAt && c.signDueAt);
    assert.equal(new Date(c.signDueAt).getTime() - new Date(c.dispatchedAt).getTime(), 3_600_000, 'sign for within 1 hour');
    assert.deepEqual((await allowed(w.users.handler.token, c.id)).sort(), ['accept', 'comment', 'contact', 'request_extension', 'return']);
    c = await ok(w.users.handler.token, c, 'accept');
    assert.equal(c.status, 'in_progress');
    c = await ok(w.users.handler.token, c, 'contact', { note: '已电话联系居民' });
    assert.ok(c.respondedAt);
    c = await ok(w.users.handler.token, c, 'reply', { result: '已更换楼道灯' });
    assert.equal(c.status, 'replied');
    c = await ok(w.users.dispatcher.token, c, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
    assert.equal(c.status, 'closed');
    assert.ok(c.acceptedAt && c.repliedAt && c.closedAt);
    assert.equal(c.satisfaction, 'satisfied');
    const events = await timeline(c.id);
    assert.deepEqual(events.map((e: { action: string }) => e.action), ['create', 'dispatch', 'accept', 'contact', 'reply', 'follow_up']);
    assert.equal(events.at(-1).toStatus, 'closed');
  });

  it('an unsatisfied follow-up reopens (重办) and counts it', async () => {
    let c = await logCase(t, w, w.users.dispatcher.token);
    c = await ok(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    c = await ok(w.users.handler.token, c, 'accept');
    c = await ok(w.users.handler.token, c, 'reply', { result: '已处理' });
    c = await ok(w.users.dispatcher.token, c, 'follow_up', { resolved: false, satisfaction: 'unsatisfied' });
    assert.equal(c.status, 'in_progress');
    assert.equal(c.reopenCount, 1);
    c = await ok(w.users.handler.token, c, 'reply', { result: '重新处理完毕' });
    c = await ok(w.users.dispatcher.token, c, 'follow_up', { resolved: true, satisfaction: 'basically_satisfied' });
    assert.equal(c.status, 'closed');
  });

  it('return → re-dispatch', async () => {
    let c = await logCase(t, w, w.users.dispatcher.token);
    c = await ok(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    c = await ok(w.users.handler.token, c, 'return', { reason: 'not_our_duty', note: '属于供热公司职责' });
    assert.equal(c.status, 'returned');
    assert.equal(c.returnCount, 1);
    // The return waits for a ruling: a supervisor's here (the community does not rule on its own returns).
    const refused = await t.http.post(`/api/cases/${c.id}/actions/dispatch`).set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ version: c.version, departmentId: w.departments.heating });
    assert.equal(refused.status, 403);
    c = await ok(w.users.supervisor.token, c, 'dispatch', { departmentId: w.departments.heating });
    assert.equal(c.status, 'dispatched');
    assert.equal(c.departmentId, w.departments.heating);
    assert.equal((await t.http.get(`/api/cases/${c.id}`).set('Authorization', `Bearer ${w.users.handler.token}`)).status, 404, 'no longer the property unit’s case');
  });

  it('extensions: approval moves the resolution due time by working days, rejection does not', async () => {
    let c = await logCase(t, w, w.users.dispatcher.token);
    c = await ok(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    c = await ok(w.users.handler.token, c, 'accept');
    const due = c.resolveDueAt;
    c = await ok(w.users.handler.token, c, 'request_extension', { days: 2, reason: '需要采购配件' });
    assert.equal(c.extensionDaysPending, 2);
    assert.ok(!(await allowed(w.users.handler.token, c.id)).includes('request_extension'), 'one pending request at a time');
    // The supervisor rules with the request in front of them: the days, the reason, and the due time approval sets.
    const ruling = (await t.http.get(`/api/cases/${c.id}/actions`).set('Authorization', `Bearer ${w.users.supervisor.token}`)).body;
    const approve = ruling.find((a: { action: string }) => a.action === 'approve_extension');
    assert.equal(approve.request.days, 2);
    assert.equal(approve.request.reason, '需要采购配件');
    assert.equal(approve.request.resolveDueAt, due);
    c = await ok(w.users.supervisor.token, c, 'approve_extension');
    assert.equal(c.resolveDueAt, approve.request.newResolveDueAt, 'approval sets the due time the dialog showed');
    assert.equal(c.extensionDaysPending, null);
    assert.ok(new Date(c.resolveDueAt).getTime() >= new Date(due).getTime() + 2 * 86_400_000);
    c = await ok(w.users.handler.token, c, 'request_extension', { days: 3, reason: '再次延期' });
    const before = c.resolveDueAt;
    c = await ok(w.users.supervisor.token, c, 'reject_extension');
    assert.equal(c.resolveDueAt, before);
  });

  it('supervision marks and merging', async () => {
    const keep = await logCase(t, w, w.users.dispatcher.token, { title: '主工单' });
    let dup = await logCase(t, w, w.users.dispatcher.token, { title: '重复反映' });
    const marked = await ok(w.users.supervisor.token, keep, 'supervise', { level: 'red', note: '限期办结' });
    assert.equal(marked.superviseLevel, 'red');
    dup = await ok(w.users.dispatcher.token, dup, 'merge', { intoCaseId: keep.id });
    assert.equal(dup.status, 'merged');
    assert.equal(dup.parentCaseId, keep.id);
    const children = await t.http.get(`/api/cases?filter=${filter({ parentCaseId: keep.id })}`).set('Authorization', `Bearer ${w.admin}`);
    assert.deepEqual(children.body.map((x: { id: number }) => x.id), [dup.id]);
    const self = await act(w.users.dispatcher.token, marked, 'merge', { intoCaseId: dup.id });
    assert.equal(self.status, 400, 'cannot merge into a merged case');
  });

  it('refuses with clear answers: stale version, wrong status, wrong person, missing fields', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const stale = await act(w.users.dispatcher.token, { id: c.id, version: 7 }, 'close_directly', { result: 'x' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.currentVersion, 1);
    assert.equal(stale.body.current.id, c.id, 'the case as it is now, for the form to reload from');
    assert.equal(stale.body.current.version, 1);
    const wrong = await act(w.users.dispatcher.token, c, 'reply', { result: 'x' });
    assert.equal(wrong.status, 409);
    assert.match(wrong.body.message, /已受理/, 'the status named in Chinese, the default language');
    assert.ok(wrong.body.allowed.includes('dispatch'));
    assert.equal((await act(w.users.worker.token, c, 'supervise', { level: 'yellow' })).status, 403);
    assert.equal((await act(w.users.handler.token, c, 'accept')).status, 404, 'a handler does not see cases not dispatched to the unit');
    const noVersion = await t.http.post(`/api/cases/${c.id}/actions/close_directly`).set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ result: 'x' });
    assert.equal(noVersion.status, 400);
    assert.ok(noVersion.body.errors.version);
    const noResult = await act(w.users.dispatcher.token, c, 'close_directly');
    assert.equal(noResult.status, 400);
    assert.ok(noResult.body.errors.result);
    assert.equal((await act(w.users.dispatcher.token, c, 'teleport')).status, 404);
    const badDept = await act(w.users.dispatcher.token, c, 'dispatch', { departmentId: 424242 });
    assert.equal(badDept.status, 400);
    assert.deepEqual((await timeline(c.id)).map((e: { action: string }) => e.action), ['create'], 'nothing written by refused actions');
  });

  it('two people acting at once: one wins, the others are told (409), nothing is overwritten', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const attempts = await Promise.all([
      act(w.users.dispatcher.token, c, 'close_directly', { result: '当场办结' }),
      act(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property }),
      act(w.admin, c, 'reject', { reason: '重复' }),
      act(w.users.worker.token, c, 'handle_in_community'),
    ]);
    const codes = attempts.map((r) => r.status).sort();
    assert.deepEqual(codes, [200, 409, 409, 409]);
    const events = await timeline(c.id);
    assert.equal(events.length, 2, 'exactly one action recorded');
    const now = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', `Bearer ${w.admin}`)).body;
    assert.equal(now.version, 2);
    assert.equal(now.status, events[1].toStatus);
  });

  it('actions on many cases at once: every 200 is kept, a refused one takes nobody else’s work with it', async () => {
    const cases = [];
    for (let i = 0; i < 12; i++) cases.push(await logCase(t, w, w.users.dispatcher.token, { title: `并发${i}` }));
    // For each case a valid dispatch and, at the same moment, a stale one that fails inside its transaction.
    const attempts = await Promise.all(
      cases.flatMap((c, i) => {
        const valid = act(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
        const stale = act(w.users.dispatcher.token, { id: c.id, version: c.version + 5 }, 'close_directly', { result: '当场办结' });
        // Either may start first.
        return i % 2 ? [valid, stale] : [stale, valid];
      }),
    );
    assert.deepEqual([...new Set(attempts.map((r) => r.status))].sort(), [200, 409]);
    for (const c of cases) {
      const now = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', `Bearer ${w.admin}`)).body;
      assert.equal(now.status, 'dispatched', `case ${c.id}: its 200 is kept`);
      assert.deepEqual((await timeline(c.id)).map((e: { action: string }) => e.action), ['create', 'dispatch']);
    }
  });
});
