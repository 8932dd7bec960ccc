import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Caller-first intake (issue 14): the desk finds the caller by number, presets the user's channel, warns of
 * possible duplicates and merges the new request into one, and offers the category's unit first for dispatch.
 */
describe('intake desk: caller by phone, default channel, duplicates, merge on intake, dispatch order', () => {
  let t: TestApp;
  let w: World;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (token: string, path: string) => t.http.get(`/api${path}`).set(as(token));
  let residentId: number;

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const r = await t.http.post('/api/residents').set(as(w.admin)).send({ name: '王秀英', phone: '13900001111', gridUnitId: w.units.compound, address: '小碱小区5号楼2单元301', tags: ['elderly_alone'] });
    residentId = r.body.id;
    // Same number prefix, another community: outside the dispatcher's scope.
    await t.http.post('/api/residents').set(as(w.admin)).send({ name: '赵刚', phone: '13900002222', gridUnitId: w.units.other, address: '长江路1号' });
  });
  after(() => t.close());

  it('a user sets their default channel; /auth/me and login carry it; a withdrawn or unknown channel is refused', async () => {
    const d = w.users.dispatcher.token;
    const set = await t.http.put('/api/auth/me/settings').set(as(d)).send({ defaultChannelId: w.channels.hotline });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.defaultChannelId, w.channels.hotline);
    assert.equal((await get(d, '/auth/me')).body.defaultChannelId, w.channels.hotline);
    const login = await t.http.post('/api/auth/login').send({ username: 'disp', password: 'password-1' });
    assert.equal(login.body.user.defaultChannelId, w.channels.hotline);
    const bad = await t.http.put('/api/auth/me/settings').set(as(d)).send({ defaultChannelId: 99999 });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.defaultChannelId);
    // Another user's setting is their own.
    assert.equal((await get(w.users.worker.token, '/auth/me')).body.defaultChannelId, null);
  });

  it('finds residents and past cases by the number as typed, masked, within scope; only roles that call back may search', async () => {
    const d = w.users.dispatcher.token;
    await logCase(t, w, d, { residentId, title: '家中水管漏水' });
    await logCase(t, w, d, { reporterName: '李先生', reporterPhone: '13900003333', title: '路灯不亮' });
    const found = await get(d, '/cases/by-phone?phone=1390000');
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.deepEqual(
      found.body.residents.map((r: { name: string; phone: string; tags: string[] }) => [r.name, r.phone, r.tags]),
      [['王秀英', '139****1111', ['elderly_alone']]],
      'the resident in scope, masked; the one in another community is not shown',
    );
    const [resident] = found.body.residents;
    assert.equal(resident.gridUnitId, w.units.compound);
    assert.equal(resident.address, '小碱小区5号楼2单元301');
    assert.deepEqual(resident.lastCases.map((c: { title: string }) => c.title), ['家中水管漏水']);
    assert.deepEqual(found.body.cases.map((c: { title: string; reporterPhone: string }) => [c.title, c.reporterPhone]), [
      ['路灯不亮', '139****3333'],
      ['家中水管漏水', '139****1111'],
    ]);
    // The full number narrows to the one caller.
    assert.deepEqual((await get(d, '/cases/by-phone?phone=13900003333')).body.cases.map((c: { title: string }) => c.title), ['路灯不亮']);
    assert.equal((await get(d, '/cases/by-phone?phone=13')).status, 400, 'fewer than 3 digits');
    assert.equal((await get(d, '/cases/by-phone?phone=139%25')).status, 400, 'only digits and hyphens');
    // A supervisor sees phones masked everywhere and a handler sees no residents: no oracle for either.
    assert.equal((await get(w.users.supervisor.token, '/cases/by-phone?phone=139')).status, 403);
    assert.equal((await get(w.users.handler.token, '/cases/by-phone?phone=139')).status, 403);
    assert.equal((await get(w.users.worker.token, '/cases/by-phone?phone=139')).status, 200);
  });

  it('offers open cases of the same category in the same compound and open cases with a close title, in scope', async () => {
    const d = w.users.dispatcher.token;
    const sewer1 = await logCase(t, w, d, { title: '小区污水井堵塞外溢', categoryId: w.categories.property });
    const sewer2 = await logCase(t, w, d, { title: '楼下有臭味', categoryId: w.categories.property });
    const closed = await logCase(t, w, d, { title: '污水井堵塞外溢', categoryId: w.categories.property });
    await doAction(t, d, closed, 'close_directly', { result: '已疏通' });
    const elsewhere = await logCase(t, w, w.admin, { title: '污水井堵塞外溢', gridUnitId: w.units.other });
    const text = await logCase(t, w, d, { title: '污水井堵塞外溢严重', categoryId: w.categories.policy, gridUnitId: w.units.grid2 });
    const q = `categoryId=${w.categories.property}&gridUnitId=${w.units.compound}&title=${encodeURIComponent('污水井堵塞外溢')}`;
    const res = await get(d, `/cases/duplicates?${q}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const ids = res.body.map((c: { id: number }) => c.id);
    for (const c of [sewer1, sewer2]) assert.ok(ids.includes(c.id), `${c.title}: same category, same compound, open`);
    assert.ok(ids.includes(text.id), 'a close title in another grid and category');
    assert.equal(res.body.find((c: { id: number }) => c.id === text.id).reason, 'close_text');
    assert.equal(res.body.find((c: { id: number }) => c.id === sewer2.id).reason, 'same_place');
    assert.ok(!ids.includes(closed.id), 'closed cases are not duplicates');
    assert.ok(!ids.includes(elsewhere.id), 'outside the scope');
    assert.ok(res.body.every((c: { reporterPhone: string | null }) => c.reporterPhone === null || c.reporterPhone.includes('****')));
    assert.deepEqual((await get(d, '/cases/duplicates?title=' + encodeURIComponent('完全无关的事情'))).body, []);
    assert.equal((await get(w.users.handler.token, `/cases/duplicates?${q}`)).status, 403);
  });

  it('merges a new request into an open case as it is logged: both timelines tell it, the survivor names the reporter', async () => {
    const d = w.users.dispatcher.token;
    const survivor = await logCase(t, w, d, { title: '电梯困人', categoryId: w.categories.elevator });
    const body = { title: '电梯又坏了', type: 'complaint', channelId: w.channels.hotline, categoryId: w.categories.elevator, gridUnitId: w.units.compound, reporterName: '张女士', reporterPhone: '13811112222', mergeIntoCaseId: survivor.id };
    const res = await t.http.post('/api/cases/merge-intake').set(as(d)).send(body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'merged');
    assert.equal(res.body.parentCaseId, survivor.id);
    assert.match(res.body.number, /^\d{8}-\d{4}$/);
    const own = (await get(d, `/case-events?filter=${filter({ caseId: res.body.id })}`)).body;
    assert.deepEqual(own.map((e: { action: string }) => e.action), ['create', 'merge']);
    const theirs = (await get(d, `/case-events?filter=${filter({ caseId: survivor.id })}`)).body;
    const joined = theirs.find((e: { action: string }) => e.action === 'merged_in');
    assert.deepEqual(joined.data, { caseId: res.body.id, number: res.body.number, reporterName: '张女士', reporterPhone: '138****2222' });
    // The surviving case's merged cases, as its page lists them.
    const merged = (await get(d, `/cases?filter=${filter({ parentCaseId: survivor.id })}`)).body;
    assert.deepEqual(merged.map((c: { reporterName: string; reporterPhone: string }) => [c.reporterName, c.reporterPhone]), [['张女士', '138****2222']]);

    // Into a closed case: refused, and nothing was logged (one transaction).
    const closed = await doAction(t, d, await logCase(t, w, d), 'close_directly', { result: '已处理' });
    const before = Number((await get(d, '/cases?range=[0,0]')).headers['content-range'].split('/')[1]);
    const refused = await t.http.post('/api/cases/merge-intake').set(as(d)).send({ ...body, mergeIntoCaseId: closed.id });
    assert.equal(refused.status, 400);
    assert.ok(refused.body.errors.intoCaseId);
    assert.equal(Number((await get(d, '/cases?range=[0,0]')).headers['content-range'].split('/')[1]), before);
    assert.equal((await t.http.post('/api/cases/merge-intake').set(as(w.users.supervisor.token)).send(body)).status, 403);
  });

  it("orders units for dispatch: the category's own (inherited by sub-categories) first, then by cases taken in 90 days", async () => {
    const d = w.users.dispatcher.token;
    const post = async (name: string) => (await t.http.post('/api/departments').set(as(w.admin)).send({ name, kind: 'other' })).body.id as number;
    const municipal = await post('市政公司');
    await post('园林所');
    for (let i = 0; i < 2; i++) await doAction(t, d, await logCase(t, w, d, { categoryId: w.categories.elevator }), 'dispatch', { departmentId: municipal });
    await doAction(t, d, await logCase(t, w, d, { categoryId: w.categories.elevator }), 'dispatch', { departmentId: w.departments.heating });
    const res = await get(d, `/cases/dispatch-units?categoryId=${w.categories.elevator}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.map((u: { name: string; took: number; suggested: boolean }) => [u.name, u.took, u.suggested]),
      [
        ['鑫源物业', 0, true],
        ['市政公司', 2, false],
        ['热力公司', 1, false],
        ['园林所', 0, false],
      ],
    );
    assert.equal((await get(d, '/cases/dispatch-units')).status, 400);
  });
});
