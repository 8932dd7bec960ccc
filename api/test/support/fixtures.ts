import assert from 'node:assert/strict';
import type { TestApp } from './test-app.js';

/** A small community built through the API itself, as an administrator would. */
export interface World {
  admin: string;
  units: Record<'street' | 'community' | 'zone' | 'grid1' | 'grid2' | 'compound' | 'other', number>;
  channels: Record<'hotline' | 'wechat' | 'window', number>;
  categories: Record<'property' | 'elevator' | 'heating' | 'policy', number>;
  departments: Record<'property' | 'heating', number>;
  users: Record<'supervisor' | 'dispatcher' | 'worker' | 'handler', { id: number; token: string }>;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await t.login('admin');
  const post = async (path: string, body: object) => {
    const res = await t.http.post(`/api${path}`).set('Authorization', `Bearer ${admin}`).send(body);
    assert.equal(res.status, 201, `${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  };
  const street = await post('/grid-units', { name: '火车站街道', code: 'HCZ', level: 'subdistrict' });
  const community = await post('/grid-units', { name: '黄河路社区', code: 'HHL', level: 'community', parentId: street });
  const zone = await post('/grid-units', { name: '第一片区', code: 'HHL-Z1', level: 'zone', parentId: community });
  const grid1 = await post('/grid-units', { name: '1号网格', code: 'HHL-G1', level: 'grid', parentId: zone });
  const grid2 = await post('/grid-units', { name: '2号网格', code: 'HHL-G2', level: 'grid', parentId: zone });
  const compound = await post('/grid-units', { name: '小碱小区', code: 'HHL-G1-XJ', level: 'compound', parentId: grid1 });
  const other = await post('/grid-units', { name: '长江路社区', code: 'CJL', level: 'community', parentId: street });

  const hotline = await post('/channels', { name: '12345热线', code: 'hotline_12345', group: 'hotline' });
  const wechat = await post('/channels', { name: '微信公众号', code: 'wechat', group: 'online' });
  const window = await post('/channels', { name: '窗口', code: 'window', group: 'community' });

  const propertyDept = await post('/departments', { name: '鑫源物业', kind: 'property', phone: '0971-1234567' });
  const heatingDept = await post('/departments', { name: '热力公司', kind: 'utility' });

  const property = await post('/categories', { name: '物业管理', code: 'property', departmentId: propertyDept, signForHours: 1, responseHours: 24, resolveLimit: 5, resolveUnit: 'workdays', urgentResponseHours: 2, urgentResolveHours: 24 });
  const elevator = await post('/categories', { name: '电梯故障', code: 'elevator', parentId: property, responseHours: 12 });
  const heating = await post('/categories', { name: '供暖', code: 'heating', departmentId: heatingDept, responseHours: 2, resolveLimit: 24, resolveUnit: 'hours' });
  const policy = await post('/categories', { name: '政策咨询', code: 'policy', resolveLimit: 3, resolveUnit: 'workdays' });

  const user = async (username: string, body: Record<string, unknown>) => {
    const id = await post('/users', { username, name: username, password: 'password-1', ...body });
    return { id, token: await t.login(username, 'password-1') };
  };
  return {
    admin,
    units: { street, community, zone, grid1, grid2, compound, other },
    channels: { hotline, wechat, window },
    categories: { property, elevator, heating, policy },
    departments: { property: propertyDept, heating: heatingDept },
    users: {
      supervisor: await user('sup', { role: 'supervisor', scopeUnitId: street }),
      dispatcher: await user('disp', { role: 'dispatcher', scopeUnitId: community }),
      worker: await user('gw', { role: 'grid_worker', scopeUnitId: grid1 }),
      handler: await user('hd', { role: 'handler', departmentId: propertyDept }),
    },
  };
}

/** Logs a case through the API and returns its JSON. */
export async function logCase(t: TestApp, w: World, token: string, body: Record<string, unknown> = {}) {
  const res = await t.http
    .post('/api/cases')
    .set('Authorization', `Bearer ${token}`)
    .send({ title: '楼道灯不亮', description: '5号楼2单元楼道灯坏了一周', type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: w.units.compound, ...body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

type CaseRef = { id: number; version: number };

/** Posts an action with the version the actor saw; the raw response, for refusals. */
export const tryAction = (t: TestApp, token: string, c: CaseRef, action: string, body: Record<string, unknown> = {}) =>
  t.http.post(`/api/cases/${c.id}/actions/${action}`).set('Authorization', `Bearer ${token}`).send({ version: c.version, ...body });

/** Performs an action that must succeed and returns the updated case. */
export async function doAction(t: TestApp, token: string, c: CaseRef, action: string, body: Record<string, unknown> = {}) {
  const res = await tryAction(t, token, c, action, body);
  assert.equal(res.status, 200, `${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * An edit as the console makes it: read the record, then PUT the change with the version read (a PUT without
 * one is refused with 409). `http` is the app's or another instance's.
 */
export async function edit(http: TestApp['http'], token: string, path: string, change: Record<string, unknown>) {
  const current = await http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
  assert.equal(current.status, 200, `GET ${path}: ${current.status} ${JSON.stringify(current.body)}`);
  return http.put(`/api${path}`).set('Authorization', `Bearer ${token}`).send({ ...change, version: current.body.version });
}
