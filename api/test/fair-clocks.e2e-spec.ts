import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { DateTime } from 'luxon';
import { OverdueScanService } from '../src/workflow/overdue-scan.service.js';
import { buildWorld, doAction, edit, logCase, tryAction, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

type Ref = { id: number; version: number };
const HOUR = 3_600_000;

/** Issue 18: pauses with approval, the clock ledger, return rulings, rating appeals; through the API, as each role. */
describe('fair clocks and fair scores', () => {
  let t: TestApp;
  let w: World;
  let heat: string;
  const ok = (token: string, c: Ref, action: string, body: Record<string, unknown> = {}) => doAction(t, token, c, action, body);
  const act = (token: string, c: Ref, action: string, body: Record<string, unknown> = {}) => tryAction(t, token, c, action, body);
  const get = async (path: string, token = w.admin) => (await t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`)).body;
  const offered = async (token: string, id: number) => (await get(`/cases/${id}/actions`, token)).map((a: { action: string }) => a.action);
  /** Moves a stored time (time cannot be waited for here): as each engine stores timestamps. */
  const setTime = async (table: string, column: string, value: Date, where: string) => {
    const ds = t.app.get(DataSource);
    const literal = ds.options.type === 'postgres' ? `'${value.toISOString()}'` : `'${value.toISOString().replace('T', ' ').slice(0, 23)}'`;
    await ds.query(`UPDATE ${table} SET ${column} = ${literal} WHERE ${where}`);
  };
  const accepted = async () => {
    const c = await ok(w.users.dispatcher.token, await logCase(t, w, w.users.dispatcher.token), 'dispatch', { departmentId: w.departments.property });
    return ok(w.users.handler.token, c, 'accept');
  };

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const res = await t.http.post('/api/users').set('Authorization', `Bearer ${w.admin}`).send({ username: 'hd-heat', name: '热力经办', password: 'password-1', role: 'handler', departmentId: w.departments.heating });
    assert.equal(res.status, 201);
    heat = await t.login('hd-heat', 'password-1');
  });
  after(() => t.close());

  it('a pause asked, approved and resumed: the clocks stand still, then their due times move by the time lost', async () => {
    let c = await accepted();
    const before = { response: Date.parse(c.responseDueAt), resolve: c.resolveDueAt };
    // A date in the past, and a reason not on the list, are refused naming the field; nothing is written.
    const past = await act(w.users.handler.token, c, 'request_pause', { reason: 'third_party', resumeOn: '2020-01-01' });
    assert.equal(past.status, 400);
    assert.ok(past.body.errors.resumeOn, JSON.stringify(past.body));
    assert.ok((await act(w.users.handler.token, c, 'request_pause', { reason: 'lunch' })).body.errors.reason);
    const resumeOn = DateTime.now().setZone('Asia/Shanghai').plus({ days: 30 }).toISODate()!;
    c = await ok(w.users.handler.token, c, 'request_pause', { reason: 'third_party', resumeOn, note: '等待燃气公司停气检修' });
    assert.equal(c.pauseState, 'requested');
    assert.equal((await act(w.users.handler.token, c, 'approve_pause')).status, 403, 'a handler cannot approve their own pause');
    const ruling = (await get(`/cases/${c.id}/actions`, w.users.supervisor.token)).find((a: { action: string }) => a.action === 'approve_pause');
    assert.deepEqual([ruling.request.reason, ruling.request.note, ruling.request.resumeOn], ['third_party', '等待燃气公司停气检修', resumeOn]);
    c = await ok(w.users.supervisor.token, c, 'approve_pause');
    assert.equal(c.pauseState, 'paused');
    assert.equal(c.dueState, 'paused');
    // While paused: no reply or return until resumed; the case is in the handler's 已挂起 bucket.
    const handlerOffer = await offered(w.users.handler.token, c.id);
    assert.ok(handlerOffer.includes('resume') && !handlerOffer.includes('reply') && !handlerOffer.includes('return'), handlerOffer.join());
    assert.ok((await get(`/cases?filter=${filter({ pauseState: 'paused' })}`, w.users.handler.token)).some((x: { id: number }) => x.id === c.id));
    // Paused for 3 hours (the start moved back in the database: time cannot be waited for here).
    const pausedAt = new Date(Date.now() - 3 * HOUR);
    await setTime('cases', 'paused_at', pausedAt, `id = ${Number(c.id)}`);
    await setTime('case_events', 'created_at', pausedAt, `case_id = ${Number(c.id)} AND action = 'approve_pause'`);
    c = await ok(w.users.handler.token, c, 'resume');
    assert.equal(c.pauseState, null);
    assert.ok(Math.abs(c.pausedMinutes - 180) <= 1, `${c.pausedMinutes} minutes paused`);
    assert.ok(Math.abs(Date.parse(c.responseDueAt) - before.response - 3 * HOUR) < 2 * 60_000, 'the 24-hour response clock got its 3 hours back');
    // 5 working days: a pause within one day gives back no working day (unless it began the day before).
    const ledger = await get(`/cases/${c.id}/clocks`, w.users.handler.token);
    assert.equal(ledger.response.dueAt, c.responseDueAt, 'the ledger derives the due time the case holds');
    assert.equal(ledger.resolve.dueAt, c.resolveDueAt);
    assert.equal(ledger.resolve.baseDueAt, before.resolve);
    assert.ok(ledger.response.intervals.some((i: { kind: string; to: string | null }) => i.kind === 'paused' && i.to));
    assert.equal(ledger.response.state, 'running');
    const events = await get(`/case-events?filter=${filter({ caseId: c.id })}`);
    assert.deepEqual(events.map((e: { action: string }) => e.action).slice(-3), ['request_pause', 'approve_pause', 'resume']);
    // The reports show the time paused beside closure times and rates.
    const day = DateTime.now().setZone('Asia/Shanghai').toISODate()!;
    const closure = await get(`/reports/closure-times?from=${day}&to=${day}&groupBy=department`);
    const rates = await get(`/reports/rates?from=${day}&to=${day}&groupBy=department`);
    // (The first pause of this suite: all the time paused so far.)
    for (const r of [closure, rates]) assert.ok(Math.abs(r.total.pausedHours - 3) < 0.05, JSON.stringify(r.total));
    assert.ok(Math.abs(rates.rows.find((x: { key: number }) => x.key === w.departments.property).pausedHours - 3) < 0.05);
  });

  it('a pause resumes by itself on its date (the scheduled scan), as the system', async () => {
    let c = await accepted();
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!;
    c = await ok(w.users.handler.token, c, 'request_pause', { reason: 'waiting_resident', resumeOn: today });
    c = await ok(w.users.supervisor.token, c, 'approve_pause');
    await t.app.get(OverdueScanService).scan();
    const now = await get(`/cases/${c.id}`);
    assert.equal(now.pauseState, null);
    const resumed = (await get(`/case-events?filter=${filter({ caseId: c.id, action: 'resume' })}`))[0];
    assert.equal(resumed.actorId, null);
    assert.equal(resumed.data.by, 'system');
  });

  it('a refused pause changes no clock', async () => {
    let c = await accepted();
    const due = c.resolveDueAt;
    c = await ok(w.users.handler.token, c, 'request_pause', { reason: 'weather_season' });
    c = await ok(w.users.supervisor.token, c, 'reject_pause', { note: '不属于可挂起情形' });
    assert.deepEqual([c.pauseState, c.resolveDueAt, c.pausedMinutes], [null, due, 0]);
  });

  it('a return waits for a ruling: overruled, it goes back to the same unit with its clocks never stopped', async () => {
    let c = await accepted();
    c = await ok(w.users.handler.token, c, 'return', { reason: 'not_our_duty' });
    assert.ok(!(await offered(w.users.dispatcher.token, c.id)).includes('dispatch'), 'the dispatcher does not rule here');
    assert.equal((await act(w.users.supervisor.token, c, 'overrule_return', {})).body.errors.note !== undefined, true, 'an overruling says why');
    c = await ok(w.users.supervisor.token, c, 'overrule_return', { note: '属于物业服务范围' });
    assert.deepEqual([c.status, c.departmentId], ['in_progress', w.departments.property]);
    const ledger = await get(`/cases/${c.id}/clocks`);
    assert.ok(ledger.resolve.intervals.some((i: { kind: string }) => i.kind === 'returned'), 'the time in return is listed');
    assert.equal(ledger.resolve.dueAt, c.resolveDueAt);
  });

  it('where the community rules itself its dispatcher rules; three bounces flag the case; time in flight is kept', async () => {
    const res = await edit(t.http, w.admin, `/grid-units/${w.units.community}`, { rulesReturns: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    let c = await ok(w.users.dispatcher.token, await logCase(t, w, w.users.dispatcher.token), 'dispatch', { departmentId: w.departments.property });
    for (let i = 0; i < 3; i++) {
      c = await ok(w.users.handler.token, c, 'return', { reason: 'wrong_area' });
      c = await ok(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    }
    assert.equal(c.returnCount, 3);
    assert.equal(c.flightSince !== null, true, 'still in flight: nobody has signed for it');
    const flagged = await get(`/cases?filter=${filter({ bounced: true })}`, w.users.supervisor.token);
    assert.ok(flagged.some((x: { id: number }) => x.id === c.id));
    c = await ok(w.users.handler.token, c, 'accept');
    assert.equal(c.flightSince, null);
    assert.ok(c.flightMinutes >= 0);
    const todo = await get('/cases/todo', w.users.supervisor.token);
    assert.ok(todo.find((b: { key: string; count: number }) => b.key === 'bounced').count >= 1, JSON.stringify(todo));
    await edit(t.http, w.admin, `/grid-units/${w.units.community}`, { rulesReturns: false });
  });

  it('an appeal upheld takes the rating out of the adjusted rates; raw figures stay; a second level goes to an admin', async () => {
    const day = DateTime.now().setZone('Asia/Shanghai').toISODate()!;
    let c = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.heating, title: '暖气不热' });
    c = await ok(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.heating });
    c = await ok(heat, c, 'accept');
    c = await ok(heat, c, 'reply', { result: '已排气' });
    c = await ok(w.users.dispatcher.token, c, 'follow_up', { resolved: false, satisfaction: 'unsatisfied' });
    assert.ok(c.appealDueAt, 'the window to appeal is open');
    assert.ok((await act(heat, c, 'appeal', { reason: 'unreachable' })).body.errors.note, 'evidence is required');
    c = await ok(heat, c, 'appeal', { reason: 'malicious_caller', note: '同一来电人一月内投诉 12 次，录音为证' });
    assert.deepEqual([c.appealState, c.appealLevel], ['pending', 1]);
    c = await ok(w.users.supervisor.token, c, 'reject_appeal', { note: '证据不足' });
    c = await ok(heat, c, 'appeal', { reason: 'malicious_caller', note: '补充：派出所出警记录' });
    assert.equal(c.appealLevel, 2);
    assert.equal((await act(w.users.supervisor.token, c, 'uphold_appeal')).status, 403, 'the second level is not the supervisor’s');
    const request = (await get(`/cases/${c.id}/actions`)).find((a: { action: string }) => a.action === 'uphold_appeal').request;
    assert.deepEqual([request.level, request.rating.satisfaction], [2, 'unsatisfied']);
    c = await ok(w.admin, c, 'uphold_appeal');
    assert.equal(c.excusedFollowUps, 1);
    assert.ok(!(await offered(heat, c.id)).includes('appeal'), 'no appeal once upheld');
    c = await ok(heat, c, 'reply', { result: '已更换阀门' });
    c = await ok(w.users.dispatcher.token, c, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
    const rates = await get(`/reports/rates?from=${day}&to=${day}&groupBy=department`);
    const row = rates.rows.find((r: { key: number }) => r.key === w.departments.heating);
    assert.deepEqual([row.followUps, row.followUpsResolved, row.followUpsExcused], [2, 1, 1]);
    assert.deepEqual([row.resolutionRate, row.satisfactionRate], [0.5, 0.5], 'raw: both ratings');
    assert.deepEqual([row.resolutionRateAdjusted, row.satisfactionRateAdjusted], [1, 1], 'adjusted: the excused rating left out');
  });

  it('an appeal after its window is refused', async () => {
    let c = await logCase(t, w, w.users.dispatcher.token, { categoryId: w.categories.heating });
    c = await ok(w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.heating });
    c = await ok(heat, c, 'accept');
    c = await ok(heat, c, 'reply', { result: '已处理' });
    c = await ok(w.users.dispatcher.token, c, 'follow_up', { resolved: true, satisfaction: 'unsatisfied' });
    await setTime('cases', 'appeal_due_at', new Date(Date.now() - HOUR), `id = ${Number(c.id)}`);
    const late = await act(heat, c, 'appeal', { reason: 'unreachable', note: '电话停机' });
    assert.equal(late.status, 409);
  });
});
