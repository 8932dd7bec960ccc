import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;

describe('hot spots and the daily report (日报)', () => {
  let t: TestApp;
  let w: World;
  let fireBrigade: number;
  let safety: number;
  let fireHazard: number;
  const admin = () => w.admin;
  const get = async (path: string) => {
    const res = await t.http.get(`/api${path}`).set('Authorization', `Bearer ${admin()}`);
    assert.equal(res.status, 200, `${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const post = async (path: string, body: object) => {
    const res = await t.http.post(`/api${path}`).set('Authorization', `Bearer ${admin()}`).send(body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as number;
  };
  const total = async (f: Record<string, unknown>) => Number((await t.http.get(`/api/cases?filter=${filter(f)}&range=[0,0]`).set('Authorization', `Bearer ${admin()}`)).headers['content-range'].split('/')[1]);

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    fireBrigade = await post('/channels', { name: '消防救援支队', code: 'fire_brigade', group: 'linkage' });
    safety = await post('/categories', { name: '安全隐患', code: 'safety', resolveLimit: 3, resolveUnit: 'workdays' });
    fireHazard = await post('/categories', { name: '消防隐患', code: 'fire_hazard', parentId: safety });
  });
  after(() => t.close());

  it('a hot spot appears at 5 requests of one category in one grid within 24 hours, not at 4', async () => {
    const grid = await post('/grid-units', { name: '7号网格', code: 'HS-G7', level: 'grid', parentId: w.units.zone });
    const log = (hoursAgo: number) => logCase(t, w, admin(), { gridUnitId: grid, categoryId: w.categories.elevator, receivedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString() });
    const ids = [(await log(20)).id, (await log(15)).id, (await log(9)).id, (await log(3)).id];
    await logCase(t, w, admin(), { gridUnitId: grid, categoryId: w.categories.heating }); // another category
    const query = `/reports/hotspots?unitId=${grid}`;
    assert.deepEqual(await get(query), []);
    ids.push((await log(1)).id);
    const [spot, ...more] = await get(query);
    assert.equal(more.length, 0);
    assert.equal(spot.count, 5);
    assert.deepEqual([...spot.caseIds].sort((a, b) => a - b), ids.sort((a, b) => a - b));
    assert.equal(spot.unitId, grid);
    assert.equal(spot.unitName, '黄河路社区 7号网格', 'a grid is named with its community');
    assert.equal(spot.categoryName, '电梯故障');
    assert.equal((await get(`${query}&k=6`)).length, 0, 'K is a parameter');
    assert.equal(await total({ id: spot.caseIds }), 5);
  });

  it('a hot spot across midnight is found whole, over a period read a day at a time', async () => {
    const grid = await post('/grid-units', { name: '8号网格', code: 'HS-G8', level: 'grid', parentId: w.units.zone });
    const at = ['2026-10-10T21:00:00+08:00', '2026-10-10T22:30:00+08:00', '2026-10-10T23:40:00+08:00', '2026-10-11T00:20:00+08:00', '2026-10-11T02:00:00+08:00'];
    const ids = [];
    for (const receivedAt of at) ids.push((await logCase(t, w, admin(), { gridUnitId: grid, categoryId: w.categories.elevator, receivedAt })).id);
    const spots = await get(`/reports/hotspots?unitId=${grid}&from=2026-10-01&to=2026-10-31`);
    assert.deepEqual(
      spots.map((s: { count: number; caseIds: number[] }) => [s.count, s.caseIds]),
      [[5, ids]],
    );
    assert.deepEqual(await get(`/reports/hotspots?unitId=${grid}&from=2026-10-11&to=2026-10-31`), [], 'the day after alone holds two');
  });

  it('the day’s figures and the text as a supervisor publishes it', async () => {
    const community = await post('/grid-units', { name: '庚社区', code: 'GENG', level: 'community', parentId: w.units.street });
    const day = (time: string) => `2026-10-21T${time}+08:00`;
    const log = (time: string, channelId: number, categoryId: number) => logCase(t, w, admin(), { gridUnitId: community, channelId, categoryId, receivedAt: day(time) });
    const { hotline, wechat, window } = w.channels;
    const { property, elevator, heating, policy } = w.categories;
    const direct = await log('08:10:00', hotline, property);
    const sent1 = await log('09:00:00', hotline, elevator);
    await log('10:00:00', hotline, heating);
    await log('10:30:00', hotline, fireHazard);
    const sent2 = await log('11:00:00', wechat, property);
    await log('12:00:00', wechat, property);
    await log('13:00:00', window, policy);
    await log('14:00:00', fireBrigade, fireHazard);
    await logCase(t, w, admin(), { gridUnitId: community, channelId: hotline, categoryId: property, receivedAt: '2026-10-22T00:00:30+08:00' }); // the next day
    await doAction(t, admin(), direct, 'close_directly', { result: '当场答复' });
    await doAction(t, admin(), sent1, 'dispatch', { departmentId: w.departments.property });
    await doAction(t, admin(), sent2, 'dispatch', { departmentId: w.departments.property });

    const r = await get(`/reports/daily?date=2026-10-21&unitId=${community}`);
    assert.equal(r.calls, 4);
    assert.equal(r.online.total, 2);
    assert.equal(r.handledDirectly, 1);
    assert.equal(r.transferred, 2);
    assert.deepEqual(r.hotTopics.map((h: { categoryName: string; count: number; concentrated: boolean }) => [h.categoryName, h.count, h.concentrated]), [
      ['物业管理', 4, false],
      ['供暖', 1, false],
      ['安全隐患', 1, false],
    ]);
    assert.equal(r.safety.total, 2);
    assert.equal(
      r.text,
      '10月21日，12345政务服务便民热线接听群众来电诉求4件次，网民留言2件（微信公众号2件），直接办理1件，转交责任单位办理2件。' +
        '热点问题：1. 物业管理4件，无集中反映问题。2. 供暖1件，无集中反映问题。3. 安全隐患1件，无集中反映问题。' +
        '安全隐患举报2件，其中12345热线接收1件、消防救援支队接收1件。',
    );
    // Every figure drills into its cases.
    for (const [name, count] of [
      ['calls', 4],
      ['online', 2],
      ['handledDirectly', 1],
      ['transferred', 2],
      ['safety', 2],
    ] as const) {
      assert.equal(await total(r.filters[name]), count, name);
    }
    assert.equal((await t.http.get('/api/reports/daily?date=2026-02-30').set('Authorization', `Bearer ${admin()}`)).status, 400);
  });

  it('a concentrated issue is named in the daily text', async () => {
    const grid = await post('/grid-units', { name: '9号网格', code: 'HS-G9', level: 'grid', parentId: w.units.zone });
    for (let i = 0; i < 5; i++) await logCase(t, w, admin(), { gridUnitId: grid, channelId: w.channels.hotline, categoryId: w.categories.elevator, receivedAt: `2026-10-23T0${i + 1}:00:00+08:00` });
    const r = await get(`/reports/daily?date=2026-10-23&unitId=${grid}`);
    assert.deepEqual(r.hotTopics.map((h: { concentrated: boolean }) => h.concentrated), [true]);
    assert.match(r.text, /热点问题：1\. 物业管理5件，其中黄河路社区 9号网格集中反映电梯故障问题5件。/);
  });

  it('without a date it is the report of yesterday until 18:00 local, of today from then on', async () => {
    const now = DateTime.now().setZone('Asia/Shanghai');
    const r = await get('/reports/daily');
    assert.equal(r.date, (now.hour < 18 ? now.minus({ days: 1 }) : now).toISODate());
  });
});
