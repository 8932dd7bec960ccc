import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What the console's admin pages read: a year of the working-day calendar, and the limits in force per category. */
describe('the calendar year and the categories’ limits in force', () => {
  let t: TestApp;
  let w: World;
  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => t.http.post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
    del: (path: string) => t.http.delete(`/api${path}`).set('Authorization', `Bearer ${token}`),
  });
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it("lists a year's days with the official verdict, and a correction over a day until it is removed", async () => {
    const admin = as(w.admin);
    let res = await admin.get('/calendar/years/2026');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.days.length, 365);
    const day = (date: string) => res.body.days.find((d: { date: string }) => d.date === date);
    assert.deepEqual(day('2026-10-01').official, { workday: false, kind: 'holiday', name: '国庆节' });
    assert.equal(day('2026-10-10').official.kind, 'makeup');
    assert.equal(day('2026-06-10').correction, null);

    const created = await admin.post('/calendar-days', { date: '2026-06-10', workday: false, name: '社区活动日' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    res = await admin.get('/calendar/years/2026');
    assert.deepEqual({ workday: day('2026-06-10').workday, official: day('2026-06-10').official.workday, correction: day('2026-06-10').correction?.id }, { workday: false, official: true, correction: created.body.id });

    // A removal as the console sends it: no body, no Content-Type.
    assert.equal((await admin.del(`/calendar-days/${created.body.id}`)).status, 200);
    res = await admin.get('/calendar/years/2026');
    assert.equal(day('2026-06-10').correction, null);
    assert.equal(day('2026-06-10').workday, true);

    assert.equal((await admin.get('/calendar/years/20x6')).status, 400);
  });

  it('gives each category its limits in force and where each comes from', async () => {
    const res = await as(w.admin).get('/category-limits');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const of = (id: number) => res.body.find((c: { id: number }) => c.id === id).limits;
    const elevator = of(w.categories.elevator);
    assert.deepEqual(elevator.responseHours, { value: 12, from: w.categories.elevator });
    assert.deepEqual(elevator.signForHours, { value: 1, from: w.categories.property }, 'inherited from 物业管理');
    assert.deepEqual(elevator.resolveLimit, { value: 5, from: w.categories.property });
    assert.deepEqual(elevator.urgentSignForHours, { value: 0.5, from: null }, 'the default');
  });
});
