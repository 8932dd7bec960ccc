import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, doAction, logCase, tryAction, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Who may do what (issue 3), as a matrix written out by hand from DOMAIN.md: for a case in each status,
 * the actions each person may take, and what everyone else gets. In scope: the community's dispatcher, the
 * grid worker of its grid, the subdistrict's supervisor, the handler of the unit it is dispatched to.
 * Out of scope: the same roles elsewhere (another community, another grid, another unit).
 */
type Who = 'admin' | 'supervisor' | 'dispatcher' | 'worker' | 'handler';
type Status = 'received' | 'dispatched' | 'in_progress' | 'in_community' | 'returned' | 'replied' | 'closed';

const EXPECTED: Record<Status, Partial<Record<Who, string[]>>> = {
  received: {
    admin: ['close_directly', 'dispatch', 'handle_in_community', 'supervise', 'merge', 'reject', 'comment'],
    supervisor: ['dispatch', 'supervise', 'merge', 'comment'],
    dispatcher: ['close_directly', 'dispatch', 'handle_in_community', 'merge', 'reject', 'comment'],
    worker: ['close_directly', 'dispatch', 'handle_in_community', 'merge', 'reject', 'comment'],
    // handler: not dispatched to the unit, not seen
  },
  dispatched: {
    admin: ['accept', 'return', 'contact', 'request_extension', 'supervise', 'merge', 'comment'],
    supervisor: ['supervise', 'merge', 'comment'],
    dispatcher: ['merge', 'comment'],
    worker: ['merge', 'comment'],
    handler: ['accept', 'return', 'contact', 'request_extension', 'comment'],
  },
  in_progress: {
    admin: ['return', 'contact', 'reply', 'request_extension', 'request_pause', 'supervise', 'merge', 'comment'],
    supervisor: ['supervise', 'merge', 'comment'],
    dispatcher: ['merge', 'comment'],
    worker: ['merge', 'comment'],
    handler: ['return', 'contact', 'reply', 'request_extension', 'request_pause', 'comment'],
  },
  // The community handles it itself: its intake staff act as the handler (no unit to return it to).
  in_community: {
    admin: ['contact', 'reply', 'request_extension', 'request_pause', 'supervise', 'merge', 'comment'],
    supervisor: ['supervise', 'merge', 'comment'],
    dispatcher: ['contact', 'reply', 'request_extension', 'request_pause', 'merge', 'comment'],
    worker: ['contact', 'reply', 'request_extension', 'request_pause', 'merge', 'comment'],
  },
  // A return waits for a supervisor's ruling (the community's own staff rule only where it says so).
  returned: {
    admin: ['dispatch', 'overrule_return', 'supervise', 'merge', 'comment'],
    supervisor: ['dispatch', 'overrule_return', 'supervise', 'merge', 'comment'],
    dispatcher: ['merge', 'comment'],
    worker: ['merge', 'comment'],
    handler: ['comment'],
  },
  replied: {
    admin: ['follow_up', 'supervise', 'comment'],
    supervisor: ['supervise', 'comment'],
    dispatcher: ['follow_up', 'comment'],
    worker: ['follow_up', 'comment'],
    handler: ['comment'],
  },
  // Closed on the spot: never a unit's case, so no handler sees it.
  closed: {
    admin: ['reopen', 'comment'],
    supervisor: ['reopen', 'comment'],
    dispatcher: ['comment'],
    worker: ['comment'],
  },
};

/** Valid fields for every action, so that a refusal can only come from the person or the status. */
const FIELDS: Record<string, (w: World, keeper: number) => Record<string, unknown>> = {
  close_directly: () => ({ result: '当场办结' }),
  dispatch: (w) => ({ departmentId: w.departments.property }),
  return: () => ({ reason: 'wrong_area' }),
  reply: () => ({ result: '已处理' }),
  follow_up: () => ({ resolved: true, satisfaction: 'satisfied' }),
  reopen: () => ({ reason: '群众再次反映' }),
  request_extension: () => ({ days: 2, reason: '需要协调' }),
  supervise: () => ({ level: 'yellow' }),
  merge: (_w, keeper) => ({ intoCaseId: keeper }),
  reject: () => ({ reason: '无实际诉求' }),
  comment: () => ({ note: '备注' }),
  request_pause: () => ({ reason: 'third_party' }),
  overrule_return: () => ({ note: '属本单位职责' }),
  appeal: () => ({ reason: 'unreachable', note: '三次未接通' }),
};
const ACTIONS = ['close_directly', 'dispatch', 'accept', 'handle_in_community', 'return', 'contact', 'reply', 'follow_up', 'reopen', 'request_extension', 'approve_extension', 'reject_extension', 'supervise', 'merge', 'reject', 'comment', 'request_pause', 'approve_pause', 'reject_pause', 'resume', 'overrule_return', 'appeal', 'uphold_appeal', 'reject_appeal'];

describe('who may do what: role × action × in or out of scope', () => {
  let t: TestApp;
  let w: World;
  let outside: Record<Exclude<Who, 'admin'>, string>;
  const cases = {} as Record<Status, { id: number; version: number }>;
  let keeper: number;

  const act = (token: string, c: { id: number; version: number }, action: string, body: Record<string, unknown> = {}) => tryAction(t, token, c, action, body);
  const step = (token: string, c: { id: number; version: number }, action: string, body: Record<string, unknown> = {}) => doAction(t, token, c, action, body);
  const tokenOf = (who: Who) => (who === 'admin' ? w.admin : w.users[who].token);

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const make = async (username: string, body: Record<string, unknown>) => {
      const res = await t.http.post('/api/users').set('Authorization', `Bearer ${w.admin}`).send({ username, name: username, password: 'password-1', ...body });
      assert.equal(res.status, 201);
      return t.login(username, 'password-1');
    };
    const street2 = (await t.http.post('/api/grid-units').set('Authorization', `Bearer ${w.admin}`).send({ name: '城东街道', code: 'CD', level: 'subdistrict' })).body.id;
    outside = {
      supervisor: await make('sup2', { role: 'supervisor', scopeUnitId: street2 }),
      dispatcher: await make('disp2', { role: 'dispatcher', scopeUnitId: w.units.other }),
      worker: await make('gw2', { role: 'grid_worker', scopeUnitId: w.units.grid2 }),
      handler: await make('hd2', { role: 'handler', departmentId: w.departments.heating }),
    };
    const d = w.users.dispatcher.token;
    const h = w.users.handler.token;
    const dispatched = async () => step(d, await logCase(t, w, d), 'dispatch', { departmentId: w.departments.property });
    keeper = (await logCase(t, w, d, { title: '主工单' })).id;
    cases.received = await logCase(t, w, d);
    cases.dispatched = await dispatched();
    cases.in_progress = await step(h, await dispatched(), 'accept');
    cases.in_community = await step(d, await logCase(t, w, d), 'handle_in_community');
    cases.returned = await step(h, await dispatched(), 'return', { reason: 'not_our_duty' });
    cases.replied = await step(h, await step(h, await dispatched(), 'accept'), 'reply', { result: '已处理' });
    cases.closed = await step(d, await logCase(t, w, d), 'close_directly', { result: '当场办结' });
  });
  after(() => t.close());

  for (const status of Object.keys(EXPECTED) as Status[]) {
    it(`a case that is ${status}`, async () => {
      const c = cases[status];
      const timeline = async () => (await t.http.get(`/api/case-events?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.admin}`)).body.length;
      const eventsBefore = await timeline();
      for (const who of ['admin', 'supervisor', 'dispatcher', 'worker', 'handler'] as Who[]) {
        const token = tokenOf(who);
        const expected = EXPECTED[status][who];
        const read = await t.http.get(`/api/cases/${c.id}`).set('Authorization', `Bearer ${token}`);
        const listed = (await t.http.get(`/api/cases?filter=${filter({ id: c.id })}`).set('Authorization', `Bearer ${token}`)).body.length;
        if (!expected) {
          assert.equal(read.status, 404, `${who} must not see it`);
          assert.equal(listed, 0, `${who} must not list it`);
          continue;
        }
        assert.equal(read.status, 200, `${who} reads it`);
        assert.equal(listed, 1, `${who} lists it`);
        const allowed = (await t.http.get(`/api/cases/${c.id}/actions`).set('Authorization', `Bearer ${token}`)).body.map((a: { action: string }) => a.action);
        assert.deepEqual(allowed.sort(), [...expected].sort(), `${who} on a ${status} case`);
        // Everything else is refused with a reason, and nothing is written.
        for (const action of ACTIONS.filter((a) => !expected.includes(a))) {
          const res = await act(token, c, action, FIELDS[action]?.(w, keeper) ?? {});
          assert.ok([403, 409].includes(res.status), `${who} ${action} on ${status}: ${res.status} ${JSON.stringify(res.body)}`);
          if (res.status === 409) assert.ok(Array.isArray(res.body.allowed), 'a refusal by status names what is allowed');
        }
      }
      // The same roles elsewhere neither see it nor act on it.
      for (const [who, token] of Object.entries(outside)) {
        assert.equal((await t.http.get(`/api/cases/${c.id}`).set('Authorization', `Bearer ${token}`)).status, 404, `${who} elsewhere must not see it`);
        assert.equal((await act(token, c, 'comment', { note: 'x' })).status, 404, `${who} elsewhere must not act on it`);
        assert.equal((await t.http.get(`/api/case-events?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${token}`)).body.length, 0, `${who} elsewhere must not read its timeline`);
      }
      const now = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', `Bearer ${w.admin}`)).body;
      assert.equal(now.version, c.version, 'no refused action changed the case');
      assert.equal(await timeline(), eventsBefore, 'no refused action reached the timeline');
    });
  }

  it('each in-scope role can really do what it is offered (one action each, on fresh cases)', async () => {
    const d = w.users.dispatcher.token;
    const tries: [Who, string, () => Promise<{ id: number; version: number }>][] = [
      ['worker', 'close_directly', () => logCase(t, w, d)],
      ['supervisor', 'dispatch', () => logCase(t, w, d)],
      ['handler', 'accept', async () => step(d, await logCase(t, w, d), 'dispatch', { departmentId: w.departments.property })],
      ['supervisor', 'reopen', async () => step(d, await logCase(t, w, d), 'close_directly', { result: '办结' })],
      ['dispatcher', 'reject', () => logCase(t, w, d)],
    ];
    for (const [who, action, make] of tries) {
      const c = await make();
      const res = await act(tokenOf(who), c, action, FIELDS[action]?.(w, keeper) ?? {});
      assert.equal(res.status, 200, `${who} ${action}: ${JSON.stringify(res.body)}`);
    }
  });
});
