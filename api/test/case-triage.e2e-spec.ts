import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/** The case list as a dispatcher triages it (issue 14, item 6): by channel group, 督办 level, unit, caller, due times. */
describe('case list for triage', () => {
  let t: TestApp;
  let w: World;
  const get = (path: string, token = w.admin) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
  const ids = (r: { body: { id: number }[] }) => r.body.map((c) => c.id).sort((a, b) => a - b);
  let call: { id: number; version: number; number: string; signDueAt: string | null };
  let online: { id: number };
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    call = await logCase(t, w, w.users.dispatcher.token, { title: '来电反映', channelId: w.channels.hotline, reporterPhone: '13900002222' });
    online = await logCase(t, w, w.users.dispatcher.token, { title: '网上留言', channelId: w.channels.wechat, reporterPhone: '13900003333' });
  });
  after(() => t.close());

  it('filters by channel group, and refuses a group that does not exist', async () => {
    assert.deepEqual(ids(await get(`/cases?filter=${filter({ channelGroup: 'hotline', id: [call.id, online.id] })}`)), [call.id]);
    assert.deepEqual(ids(await get(`/cases?filter=${filter({ channelGroup: ['hotline', 'online'], id: [call.id, online.id] })}`)), [call.id, online.id]);
    const bad = await get(`/cases?filter=${filter({ channelGroup: 'fax' })}`);
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors['filter.channelGroup']);
  });

  it('carries the sign-for due time once dispatched, sorts by it, and filters by 督办 level and responsible unit', async () => {
    const sent = await doAction(t, w.users.dispatcher.token, call, 'dispatch', { departmentId: w.departments.property });
    assert.ok(sent.signDueAt, 'the sign-for clock is in the case JSON');
    await doAction(t, w.users.supervisor.token, sent, 'supervise', { level: 'red', note: '抓紧' });
    assert.deepEqual(ids(await get(`/cases?filter=${filter({ superviseLevel: 'red' })}`)), [call.id]);
    assert.deepEqual(ids(await get(`/cases?filter=${filter({ departmentId: w.departments.property })}`)), [call.id]);
    const bySign = await get(`/cases?sort=${filter(['signDueAt', 'ASC'])}&filter=${filter({ id: [call.id, online.id] })}`);
    assert.equal(bySign.status, 200);
    assert.equal((await get(`/cases?sort=${filter(['resolveDueAt', 'DESC'])}`)).status, 200);
  });

  it('finds a caller by full phone number for intake staff, in the search box or as a filter; never for a supervisor', async () => {
    const dispatcher = w.users.dispatcher.token;
    assert.deepEqual(ids(await get(`/cases?filter=${filter({ q: '13900002222' })}`, dispatcher)), [call.id]);
    assert.deepEqual(ids(await get(`/cases?filter=${filter({ reporterPhone: '13900003333' })}`, dispatcher)), [online.id]);
    assert.deepEqual(ids(await get(`/cases?filter=${filter({ q: call.number })}`, dispatcher)), [call.id], 'and by number');
    // The supervisor sees 139****2222: a search by the number finds nothing, a filter by it is refused, naming it.
    assert.deepEqual(ids(await get(`/cases?filter=${filter({ q: '13900002222' })}`, w.users.supervisor.token)), []);
    const refused = await get(`/cases?filter=${filter({ reporterPhone: '13900002222' })}`, w.users.supervisor.token);
    assert.equal(refused.status, 400);
    assert.ok(refused.body.errors['filter.reporterPhone']);
  });
});
