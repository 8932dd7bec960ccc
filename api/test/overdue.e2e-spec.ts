import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OverdueScanService } from '../src/workflow/overdue-scan.service.js';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;

describe('overdue: stored flags, the scan, one event per case and clock', () => {
  let t: TestApp;
  let w: World;
  const get = (path: string, token = w.admin) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
  const marks = async (id: number) =>
    (await get(`/case-events?filter=${filter({ caseId: id, action: 'overdue' })}`)).body.map((e: { data: { clock: string }; actorId: null; toStatus: string }) => [e.data.clock, e.actorId, e.toStatus]);
  const overdueIds = async (token = w.admin) => (await get(`/cases?filter=${filter({ overdue: true })}&range=[0,999]`, token)).body.map((c: { id: number }) => c.id);
  const act = (token: string, c: { id: number; version: number }, action: string, body: Record<string, unknown> = {}) => doAction(t, token, c, action, body);

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('a case that sat still goes late: the scan flags each clock once, lists it as overdue, and leaves the version alone', async () => {
    // 政策咨询: response 24 h (default), resolve 3 working days. Received just now: nothing is late yet.
    const c = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.policy, title: '咨询养老补贴' });
    assert.equal(c.overdue, false);
    assert.ok(!(await overdueIds()).includes(c.id));
    const scan = t.app.get(OverdueScanService);
    const responseDue = new Date(c.responseDueAt).getTime();
    assert.equal(await scan.scan(new Date(responseDue - 1000)), 0, 'not before its due time');

    await scan.scan(new Date(responseDue + HOUR));
    assert.deepEqual(await marks(c.id), [['response', null, 'received']]);
    assert.ok((await overdueIds()).includes(c.id), 'the overdue list finds it');
    assert.ok((await overdueIds(w.users.dispatcher.token)).includes(c.id));
    const now = (await get(`/cases/${c.id}`)).body;
    assert.equal(now.responseOverdue, true);
    assert.equal(now.resolveOverdue, false);
    assert.equal(now.version, 1, 'a system mark does not make the people acting on it stale');

    await scan.scan(new Date(responseDue + 2 * HOUR));
    assert.equal((await marks(c.id)).length, 1, 'a second scan writes nothing more');
  });

  it('two API instances scanning at once write one event per clock', async () => {
    const cases = await Promise.all(Array.from({ length: 12 }, (_, i) => logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.heating, title: `暖气不热 ${i}` })));
    // 供暖: resolve within 24 hours; the scan two days later finds both the response and the resolution late.
    const later = new Date(Date.now() + 48 * HOUR);
    const other = await t.another();
    const flagged = await Promise.all([t.app.get(OverdueScanService).scan(later), other.get(OverdueScanService).scan(later)]);
    assert.ok(flagged.reduce((a, b) => a + b) >= 24);
    for (const c of cases) assert.deepEqual((await marks(c.id)).map((m: string[]) => m[0]).sort(), ['resolve', 'response'], `case ${c.number}`);
  });

  it('a step done late flags its clock at once; a step done in time does not', async () => {
    // Received 3 hours ago with a 2-hour response limit (供暖): contacting now is late.
    let late = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.heating, receivedAt: new Date(Date.now() - 3 * HOUR).toISOString() });
    assert.deepEqual(await marks(late.id), [['response', null, 'received']], 'logged late: the response clock had already run out');
    late = await act(w.users.dispatcher.token, late, 'handle_in_community');
    late = await act(w.users.dispatcher.token, late, 'contact');
    assert.equal(late.responseOverdue, true);
    assert.equal(late.resolveOverdue, false);

    let ok = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.heating });
    ok = await act(w.users.dispatcher.token, ok, 'close_directly', { result: '已协调热力公司排气' });
    assert.equal(ok.overdue, false);
    assert.deepEqual(await marks(ok.id), []);
    // Closed cases are not scanned: their clocks have stopped.
    await t.app.get(OverdueScanService).scan(new Date(Date.now() + 30 * 24 * HOUR));
    assert.deepEqual(await marks(ok.id), []);
  });

  it('an approved extension moves the resolution due time and clears the late mark until it runs out again', async () => {
    let c = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.heating });
    c = await act(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    c = await act(w.users.handler.token, c, 'accept');
    await t.app.get(OverdueScanService).scan(new Date(new Date(c.resolveDueAt).getTime() + HOUR));
    c = (await get(`/cases/${c.id}`)).body;
    assert.equal(c.resolveOverdue, true);
    c = await act(w.users.handler.token, c, 'request_extension', { days: 5, reason: '需更换主管道' });
    c = await act(w.users.supervisor.token, c, 'approve_extension');
    assert.equal(c.resolveOverdue, false, 'due again in the future');
    assert.ok(new Date(c.resolveDueAt).getTime() > Date.now());
    assert.deepEqual((await marks(c.id)).map((m: string[]) => m[0]).filter((k: string) => k === 'resolve'), ['resolve'], 'the history of having run out stays on the timeline');
  });
});
