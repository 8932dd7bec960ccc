import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
const local = (t: number | string) => DateTime.fromMillis(typeof t === 'string' ? Date.parse(t) : t, { zone: TZ }).toISODate()!;
const close = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 0.02, `${a} ≈ ${b}`);

/** Working days after the day of receipt up to the day of closing, straight from the official calendar. */
function workdays(received: string, closed: string): number {
  let n = 0;
  for (let d = DateTime.fromISO(local(received)).plus({ days: 1 }); d <= DateTime.fromISO(local(closed)); d = d.plus({ days: 1 })) if (chineseDays.isWorkday(d.toISODate()!)) n++;
  return n;
}
const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  return s[Math.floor(pos)] + (s[Math.ceil(pos)] - s[Math.floor(pos)]) * (pos - Math.floor(pos));
};

describe('reports: closure times and the rates, on constructed data with known answers', () => {
  let t: TestApp;
  let w: World;
  const get = async (path: string, token = w.admin) => {
    const res = await t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
    assert.equal(res.status, 200, `${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let units = 0;
  const unit = async (name: string, level: string, parentId?: number) => {
    const res = await t.http.post('/api/grid-units').set('Authorization', `Bearer ${w.admin}`).send({ name, code: `R${++units}`, level, parentId });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as number;
  };
  /** A case received `hoursAgo` in a unit, by the admin (who may act as anyone). */
  const received = (gridUnitId: number, hoursAgo: number, body: Record<string, unknown> = {}) => logCase(t, w, w.admin, { gridUnitId, receivedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(), ...body });
  const total = async (f: Record<string, unknown>) => Number((await t.http.get(`/api/cases?filter=${filter(f)}&range=[0,0]`).set('Authorization', `Bearer ${w.admin}`)).headers['content-range'].split('/')[1]);
  const period = () => `from=${local(Date.now() - 3 * 24 * HOUR)}&to=${local(Date.now())}`;

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('closure times: mean, median and 90th percentile of odd and even counts, in hours and working days, per community and in total', async () => {
    const street = await unit('河西街道', 'subdistrict');
    const a = await unit('甲社区', 'community', street);
    const b = await unit('乙社区', 'community', street);
    const plan: [number, number[]][] = [
      [a, [1, 2, 6]],
      [b, [1, 3, 5, 10]],
    ];
    const closed: Record<number, { hours: number[]; days: number[] }> = { [a]: { hours: [], days: [] }, [b]: { hours: [], days: [] } };
    for (const [u, hours] of plan) {
      for (const h of hours) {
        const c = await received(u, h);
        const done = await doAction(t, w.admin, c, 'close_directly', { result: '已办结' });
        closed[u].hours.push(h);
        closed[u].days.push(workdays(c.receivedAt, done.closedAt));
      }
    }
    await received(a, 0.5); // still open: no closure time
    const r = await get(`/reports/closure-times?${period()}&unitId=${street}&groupBy=community`);
    const row = (key: number) => r.rows.find((x: { key: number }) => x.key === key);
    close(row(a).medianHours, 2);
    close(row(a).meanHours, 3);
    close(row(a).p90Hours, 5.2);
    close(row(a).maxHours, 6);
    close(row(b).medianHours, 4);
    close(row(b).meanHours, 4.75);
    close(row(b).p90Hours, 8.5);
    assert.equal(row(a).closed, 3);
    assert.equal(row(a).name, '甲社区');
    close(r.total.medianHours, 3);
    close(r.total.p90Hours, 7.6);
    assert.equal(r.total.closed, 7);
    const days = [...closed[a].days, ...closed[b].days];
    assert.equal(r.total.medianWorkdays, quantile(days, 0.5));
    assert.equal(r.total.maxWorkdays, Math.max(...days));
    assert.equal(r.total.onTimeRate, 1);
    // The figures drill into exactly their cases.
    assert.equal(await total({ ...row(a).filter, measure: 'closed' }), 3);
    assert.equal(await total({ ...r.total.filter, measure: 'closed' }), 7);
  });

  it('the rates, with and without anything due, follow-ups counted one by one, the score and the drill-down', async () => {
    const c = await unit('丙社区', 'community', w.units.street);
    const q = () => get(`/reports/rates?${period()}&unitId=${c}&groupBy=community`).then((r) => r.total);
    const fresh = await received(c, 0, { reporterPhone: '13800001111' });
    let r = await q();
    assert.equal(r.responseDue, 0);
    assert.equal(r.responseRate, null, 'nothing due yet: no rate, not 0');
    assert.equal(r.onTimeRate, null);
    assert.equal(r.score, null);
    await doAction(t, w.admin, await doAction(t, w.admin, fresh, 'handle_in_community'), 'contact');
    r = await q();
    assert.deepEqual([r.respondedOnTime, r.responseDue, r.responseRate], [1, 1, 1]);

    const late = await received(c, 30); // 物业管理: response within 24 h, never contacted
    r = await q();
    assert.equal(r.responseRate, 0.5);
    await doAction(t, w.admin, late, 'close_directly', { result: '当场解决' });
    r = await q();
    assert.equal(r.responseRate, 0.5, 'closing after the response due time does not make the response on time');
    assert.equal(r.onTimeRate, 1, 'closed within 5 working days');

    let worked = await received(c, 0);
    worked = await doAction(t, w.admin, worked, 'dispatch', { departmentId: w.departments.property });
    worked = await doAction(t, w.users.handler.token, worked, 'accept');
    worked = await doAction(t, w.users.handler.token, worked, 'reply', { result: '已处理' });
    worked = await doAction(t, w.admin, worked, 'follow_up', { resolved: false, satisfaction: 'unsatisfied' });
    worked = await doAction(t, w.users.handler.token, worked, 'reply', { result: '重新处理' });
    worked = await doAction(t, w.admin, worked, 'follow_up', { resolved: true, satisfaction: 'basically_satisfied' });
    const rejected = await received(c, 0);
    await doAction(t, w.admin, rejected, 'reject', { reason: '无实际诉求' });
    await received(c, 0, { reporterPhone: '13800001111' }); // the same reporter and category again: a repeat

    r = await q();
    assert.equal(r.cases, 5);
    assert.equal(r.valid, 4, 'a rejected request is not counted in the rates');
    assert.deepEqual([r.followUps, r.followUpsResolved, r.followUpsSatisfied], [2, 1, 1]);
    assert.equal(r.resolutionRate, 0.5);
    assert.equal(r.satisfactionRate, 0.5);
    assert.equal(r.reopenRate, 0.5, 'one of the two cases that came back to the resident was reopened');
    assert.equal(r.directRate, 0.25);
    assert.equal(r.returnRate, 0);
    assert.equal(r.repeatRate, 0.25);
    // Due: fresh (contacted in time), late (30 h ago, never contacted) and worked (closed in time); the repeat is not due yet.
    assert.equal(r.responseDue, 3);
    assert.equal(r.respondedOnTime, 2);
    close(r.score, (30 * (2 / 3) + 35 * 0.5 + 35 * 0.5) / 100 * 100);
    for (const [measure, count] of [
      ['valid', r.valid],
      ['response_due', r.responseDue],
      ['responded_on_time', r.respondedOnTime],
      ['closed', r.closed],
      ['closed_on_time', r.closedOnTime],
      ['followed_up', r.followedUp],
      ['unsatisfied', r.unsatisfied],
      ['direct', r.direct],
      ['dispatched', r.dispatched],
      ['reopened', r.reopened],
      ['repeat', r.repeat],
    ] as [string, number][]) {
      assert.equal(await total({ ...r.filter, measure }), count, `the ${measure} figure drills into as many cases`);
    }
  });

  it('periods are whole days in Asia/Shanghai: 23:59 belongs to its day, 00:01 to the next', async () => {
    const d = await unit('丁社区', 'community', w.units.street);
    await logCase(t, w, w.admin, { gridUnitId: d, receivedAt: '2026-10-14T23:59:00+08:00' });
    await logCase(t, w, w.admin, { gridUnitId: d, receivedAt: '2026-10-15T00:01:00+08:00' });
    await logCase(t, w, w.admin, { gridUnitId: d, receivedAt: '2026-10-15T23:59:59+08:00' });
    assert.equal((await get(`/reports/rates?from=2026-10-14&to=2026-10-14&unitId=${d}`)).total.cases, 1);
    assert.equal((await get(`/reports/rates?from=2026-10-15&to=2026-10-15&unitId=${d}`)).total.cases, 2);
    assert.equal((await get(`/reports/daily?date=2026-10-15&unitId=${d}`)).calls, 2);
    assert.equal((await get(`/reports/intake?from=2026-10-14&to=2026-10-15&unitId=${d}`)).total, 3);
  });

  it('a supervisor of one community sees only its figures; another subtree is refused; bad parameters are 400s naming the field', async () => {
    const mine = await unit('戊社区', 'community', w.units.street);
    const theirs = await unit('己社区', 'community', w.units.street);
    await received(mine, 1);
    await received(mine, 2);
    await received(theirs, 1);
    const res = await t.http.post('/api/users').set('Authorization', `Bearer ${w.admin}`).send({ username: 'sup-wu', name: '戊社区书记', password: 'password-1', role: 'supervisor', scopeUnitId: mine });
    assert.equal(res.status, 201);
    const token = await t.login('sup-wu', 'password-1');
    const r = await get(`/reports/rates?${period()}&groupBy=community`, token);
    assert.equal(r.total.cases, 2);
    assert.deepEqual(r.rows.map((x: { key: number }) => x.key), [mine]);
    assert.equal((await t.http.get(`/api/reports/rates?unitId=${theirs}`).set('Authorization', `Bearer ${token}`)).status, 403);
    for (const [query, field] of [
      ['from=2026-13-01', 'from'],
      ['from=2026-10-20&to=2026-10-01', 'from'],
      ['groupBy=planet', 'groupBy'],
      ['unitId=999999', 'unitId'],
    ]) {
      const bad = await t.http.get(`/api/reports/closure-times?${query}`).set('Authorization', `Bearer ${w.admin}`);
      assert.equal(bad.status, 400, query);
      assert.ok(bad.body.errors[field], `${query}: ${JSON.stringify(bad.body)}`);
    }
  });

  it('the weekly trend counts each week’s cases, Monday to Sunday', async () => {
    const r = await get('/reports/trend?weeks=3');
    assert.equal(r.weeks.length, 3);
    const monday = DateTime.now().setZone(TZ).startOf('week').toISODate()!;
    assert.equal(r.weeks[2].weekStart, monday);
    assert.equal(r.weeks[2].cases, await total({ receivedAt_gte: monday }));
  });

  it('given a period, the trend lists its weeks, the first and last cut to it', async () => {
    const to = DateTime.now().setZone(TZ).toISODate()!;
    const from = DateTime.fromISO(to).minus({ days: 20 }).toISODate()!;
    const r = await get(`/reports/trend?from=${from}&to=${to}`);
    assert.equal(r.weeks[0].from, from);
    assert.equal(r.weeks.at(-1).to, to);
    assert.equal(r.weeks[0].weekStart, DateTime.fromISO(from).startOf('week').toISODate());
    const sum = r.weeks.reduce((n: number, wk: { cases: number }) => n + wk.cases, 0);
    assert.equal(sum, await total({ receivedAt_gte: from, receivedAt_lte: to }));
  });
});
