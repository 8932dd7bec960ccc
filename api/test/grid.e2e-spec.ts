import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, edit, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

describe('grid units: a tree, queried by subtree', () => {
  let t: TestApp;
  let w: World;
  const get = (path: string) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${w.admin}`);
  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('gives every unit its full path of names', async () => {
    const u = await get(`/grid-units/${w.units.compound}`);
    assert.equal(u.body.fullName, '火车站街道 / 黄河路社区 / 第一片区 / 1号网格 / 小碱小区');
  });

  it('unitId means the whole subtree', async () => {
    const sub = await get(`/grid-units?filter=${filter({ unitId: w.units.community })}`);
    assert.deepEqual(sub.body.map((u: { name: string }) => u.name).sort(), ['1号网格', '2号网格', '小碱小区', '第一片区', '黄河路社区'].sort());
  });

  it('moving a unit carries its subtree, names and cases along', async () => {
    const c = await logCase(t, w, w.admin, { title: '搬家测试' });
    // Move 1号网格 (with 小碱小区 and the case) from 黄河路社区 to 长江路社区.
    const moved = await edit(t.http, w.admin, `/grid-units/${w.units.grid1}`, { parentId: w.units.other });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal((await get(`/grid-units/${w.units.compound}`)).body.fullName, '火车站街道 / 长江路社区 / 1号网格 / 小碱小区');
    const inOther = await get(`/cases?filter=${filter({ unitId: w.units.other })}`);
    assert.ok(inOther.body.some((x: { id: number }) => x.id === c.id));
    const inOld = await get(`/cases?filter=${filter({ unitId: w.units.community })}`);
    assert.ok(!inOld.body.some((x: { id: number }) => x.id === c.id));
    const cycle = await edit(t.http, w.admin, `/grid-units/${w.units.other}`, { parentId: w.units.compound });
    assert.equal(cycle.status, 400, 'a unit cannot move under its own descendant');
  });

  it('renaming a unit renames the paths below it', async () => {
    assert.equal((await edit(t.http, w.admin, `/grid-units/${w.units.street}`, { name: '火车站街道办事处' })).status, 200);
    assert.match((await get(`/grid-units/${w.units.compound}`)).body.fullName, /^火车站街道办事处 \/ /);
  });
});
