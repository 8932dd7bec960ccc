import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildWorld, doAction, edit, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/** GeoReport v2's request fields, in the spec's order (its `GET requests` example). */
const REQUEST_FIELDS = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'];
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const V2 = '/open311/v2';

describe('Open311 GeoReport v2 and API keys', () => {
  let t: TestApp;
  let w: World;
  let key = '';
  let keyId = 0;
  /** The first request posted through Open311: its number and token. */
  let asked = { id: '', token: '' };

  const get = (path: string, lang?: string) => {
    const req = t.http.get(`${V2}/${path}`);
    return lang ? req.set('Accept-Language', lang) : req;
  };
  const postForm = (path: string, fields: Record<string, string>) => t.http.post(`${V2}/${path}`).type('form').send(new URLSearchParams(fields).toString());
  const admin = () => ({ Authorization: `Bearer ${w.admin}` });
  const newKey = async (body: Record<string, unknown>) => {
    const res = await t.http.post('/api/api-keys').set(admin()).send({ channelId: w.channels.wechat, ...body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: number; key: string; prefix: string };
  };
  const staffCase = async (number: string) => (await t.http.get(`/api/cases?filter=${filter({ number })}`).set(admin())).body[0];
  const ask = (fields: Record<string, string> = {}) =>
    postForm('requests.json', { api_key: key, service_code: 'elevator', description: '3号楼电梯停了两天，请回电13812345678，身份证63010219900101123X', ...fields });

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    assert.equal((await edit(t.http, w.admin, `/categories/${w.categories.elevator}`, { keywords: '电梯,困人' })).status, 200);
    assert.equal((await edit(t.http, w.admin, `/categories/${w.categories.policy}`, { public: false })).status, 200);
    assert.equal((await edit(t.http, w.admin, `/grid-units/${w.units.compound}`, { lat: 36.6171, lng: 101.7782 })).status, 200);
    ({ id: keyId, key } = await newKey({ name: '微信小程序', perMinute: 1000 }));
  });
  after(() => t.close());

  it('answers a new key once; lists and pages never show it or its hash; admins only', async () => {
    assert.match(key, /^o311_[A-Za-z0-9]{32}$/);
    const list = await t.http.get('/api/api-keys').set(admin());
    assert.equal(list.status, 200);
    const shown = JSON.stringify([list.body, (await t.http.get(`/api/api-keys/${keyId}`).set(admin())).body]);
    assert.ok(!shown.includes(key) && !shown.includes(createHash('sha256').update(key).digest('hex')), 'neither the key nor its hash is shown again');
    const row = list.body.find((k: { id: number }) => k.id === keyId);
    assert.deepEqual([row.name, row.prefix, row.channelId, row.perMinute, row.active, row.revokedAt], ['微信小程序', key.slice(0, 10), w.channels.wechat, 1000, true, null]);
    assert.equal((await t.http.get('/api/api-keys').set('Authorization', `Bearer ${w.users.dispatcher.token}`)).status, 403);
    const bad = await t.http.post('/api/api-keys').set(admin()).send({ name: 'x', channelId: 999 });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.channelId);
  });

  it('lists public services with group and keywords, and defines each, in JSON and XML', async () => {
    const json = await get('services.json');
    assert.equal(json.status, 200);
    assert.match(json.headers['content-type'], /^application\/json; charset=utf-8/);
    const elevator = json.body.find((s: { service_code: string }) => s.service_code === 'elevator');
    assert.deepEqual(Object.keys(elevator), SERVICE_FIELDS);
    assert.deepEqual(elevator, { service_code: 'elevator', service_name: '电梯故障', description: '物业管理 / 电梯故障', metadata: false, type: 'realtime', keywords: '电梯,困人', group: '物业管理' });
    assert.ok(!json.body.some((s: { service_code: string }) => s.service_code === 'policy'), 'a category not public is not offered');
    const xml = await get('services.xml');
    assert.match(xml.headers['content-type'], /^application\/xml; charset=utf-8/);
    assert.match(xml.text, /^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>/);
    assert.match(xml.text, /<service><service_code>elevator<\/service_code><service_name>电梯故障<\/service_name>.*<keywords>电梯,困人<\/keywords><group>物业管理<\/group><\/service>/);
    assert.deepEqual((await get('services/elevator.json')).body, { service_code: 'elevator', attributes: [] });
    assert.match((await get('services/elevator.xml')).text, /<service_definition><service_code>elevator<\/service_code><attributes><\/attributes><\/service_definition>$/);
    const missing = await get('services/policy.xml');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /<errors><error><code>404<\/code><description>没有这个服务类别：policy<\/description><\/error><\/errors>$/);
  });

  it('takes a request with a key (a form, as the spec posts it), logs it under the key’s channel and answers its id and token', async () => {
    const res = await ask({ first_name: '女士', last_name: '王', phone: '13912345678', address_string: '黄河路社区小碱小区5号楼2单元301', email: 'wang@example.com', jurisdiction_id: 'xining' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.length, 1);
    assert.deepEqual(Object.keys(res.body[0]), ['service_request_id', 'token', 'service_notice', 'account_id']);
    asked = { id: res.body[0].service_request_id, token: res.body[0].token };
    assert.equal(res.body[0].service_notice, '诉求已登记，等待受理');
    const c = await staffCase(asked.id);
    assert.deepEqual([c.status, c.channelId, c.categoryId, c.gridUnitId, c.reporterName], ['received', w.channels.wechat, w.categories.elevator, w.units.compound, '王女士']);

    const xml = await postForm('requests.xml', { api_key: key, service_code: 'elevator', description: '电梯异响', lat: '36.6172', long: '101.7781' });
    assert.equal(xml.status, 201);
    assert.match(xml.text, /<service_requests><request><service_request_id>\d{8}-\d{4}<\/service_request_id><token>[0-9a-f-]{36}<\/token><service_notice>诉求已登记，等待受理<\/service_notice><account_id\/><\/request><\/service_requests>$/);
    const json = await t.http.post(`${V2}/requests.json`).send({ api_key: key, service_code: 'elevator', description: '按编号', address_id: String(w.units.community) });
    assert.equal(json.status, 201, 'JSON bodies are taken too');
    assert.equal((await staffCase(json.body[0].service_request_id)).gridUnitId, w.units.community);
  });

  it('refuses a post without a key, with an unknown one, for an unknown service or with no place', async () => {
    const none = await postForm('requests.json', { service_code: 'elevator', description: 'x', address_id: String(w.units.compound) });
    assert.equal(none.status, 403);
    assert.deepEqual(none.body, [{ code: 403, description: '缺少接口密钥（api_key）' }]);
    const wrong = await ask({ api_key: 'o311_nottherightkey', address_id: String(w.units.compound) });
    assert.deepEqual([wrong.status, wrong.body[0].code], [403, 403]);
    const unknown = await ask({ service_code: 'policy', address_id: String(w.units.compound) });
    assert.equal(unknown.status, 404);
    const nowhere = await t.http.post(`${V2}/requests.json`).set('Accept-Language', 'en').type('form').send(new URLSearchParams({ api_key: key, service_code: 'elevator', description: 'x' }).toString());
    assert.equal(nowhere.status, 400);
    assert.match(nowhere.body[0].description, /^Give lat\/long, address_string or address_id/);
    assert.equal((await t.http.post('/api/auth/login').type('form').send('username=admin&password=x')).status, 415, 'forms are for Open311 only');
  });

  it('shows a request without personal data: the place by name, masked numbers, no reporter', async () => {
    for (const format of ['json', 'xml']) {
      const res = await get(`requests/${asked.id}.${format}`);
      assert.equal(res.status, 200);
      const text = format === 'json' ? JSON.stringify(res.body) : res.text;
      for (const personal of ['王女士', '13912345678', '13812345678', '63010219900101123X', '5号楼2单元301', 'wang@example.com']) assert.ok(!text.includes(personal), `${format} does not show ${personal}`);
    }
    const [r] = (await get(`requests/${asked.id}.json`)).body;
    assert.deepEqual(Object.keys(r), REQUEST_FIELDS);
    assert.equal(r.status, 'open');
    assert.equal(r.description, '3号楼电梯停了两天，请回电138****5678，身份证63**************3X');
    assert.deepEqual([r.address, r.address_id, r.service_code, r.service_name], ['黄河路社区小碱小区', String(w.units.compound), 'elevator', '电梯故障']);
    assert.match(r.requested_datetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const xml = (await get(`requests/${asked.id}.xml`)).text;
    assert.match(xml, new RegExp(`<service_requests><request><service_request_id>${asked.id}</service_request_id><status>open</status><status_notes/>`));
    assert.equal((await get('requests/20990101-0001.json')).status, 404);
  });

  it('finds a request by its token, in both formats', async () => {
    assert.deepEqual((await get(`tokens/${asked.token}.json`)).body, [{ service_request_id: asked.id, token: asked.token }]);
    assert.match((await get(`tokens/${asked.token}.xml`)).text, new RegExp(`<service_requests><request><service_request_id>${asked.id}</service_request_id><token>${asked.token}</token></request></service_requests>$`));
    const unknown = await get('tokens/00000000-0000-0000-0000-000000000000.xml');
    assert.equal(unknown.status, 404);
    assert.match(unknown.text, /<errors><error><code>404<\/code>/);
  });

  it('follows the lifecycle: unit, public reply, expected time, closed; updates carry each public step and nothing internal', async () => {
    let c = await staffCase(asked.id);
    c = await doAction(t, w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    c = await doAction(t, w.users.dispatcher.token, c, 'comment', { note: '内部：来电人情绪激动' });
    c = await doAction(t, w.users.handler.token, c, 'accept');
    c = await doAction(t, w.users.handler.token, c, 'reply', { result: '已更换控制板，电梯恢复运行' });
    let [r] = (await get(`requests/${asked.id}.json`)).body;
    assert.deepEqual([r.status, r.agency_responsible, r.status_notes], ['open', '鑫源物业', '鑫源物业已答复：已更换控制板，电梯恢复运行']);
    assert.equal(Date.parse(r.expected_datetime), Math.floor(Date.parse(c.resolveDueAt) / 1000) * 1000, 'the resolution due time, to the second');
    assert.equal((await get(`requests/${asked.id}.json`, 'en')).body[0].status_notes, '鑫源物业 replied: 已更换控制板，电梯恢复运行');
    c = await doAction(t, w.users.dispatcher.token, c, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
    [r] = (await get(`requests/${asked.id}.json`)).body;
    assert.equal(r.status, 'closed');

    const updates = (await get('servicerequestupdates.json?page_size=1000')).body.filter((u: { service_request_id: string }) => u.service_request_id === asked.id);
    assert.deepEqual(updates.map((u: { status: string }) => u.status), ['open', 'dispatched', 'signed_for', 'replied', 'closed']);
    assert.deepEqual(Object.keys(updates[0]), ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url']);
    assert.equal(updates[1].description, '已转交鑫源物业办理');
    assert.ok(!JSON.stringify(updates).includes('内部'), 'an internal note is no update');
    const xml = (await get('servicerequestupdates.xml?page_size=1000')).text;
    assert.match(xml, new RegExp(`<request_update><update_id>\\d+</update_id><service_request_id>${asked.id}</service_request_id><status>signed_for</status><updated_datetime>[^<]+</updated_datetime><description>鑫源物业已签收，正在办理</description><media_url/></request_update>`));
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<service_request_updates><request_update>/);
  });

  it('lists public requests newest first, by id, service, status and a window of at most 90 days, a page at a time', async () => {
    const staff = await logCase(t, w, w.admin, { categoryId: w.categories.heating, description: '暖气不热' });
    const hidden = await logCase(t, w, w.admin, { categoryId: w.categories.policy, description: '政策咨询' });
    const all = (await get('requests.json')).body.map((r: { service_request_id: string }) => r.service_request_id);
    assert.equal(all[0], staff.number, 'newest first');
    assert.ok(all.includes(asked.id) && !all.includes(hidden.number), 'a category not public is not listed');
    const byIds = (await get(`requests.json?service_request_id=${asked.id},${hidden.number},${staff.number}&status=closed`)).body;
    assert.deepEqual(byIds.map((r: { service_request_id: string }) => r.service_request_id).sort(), [asked.id, staff.number].sort(), 'ids override every other filter');
    assert.deepEqual((await get('requests.json?service_code=heating')).body.map((r: { service_request_id: string }) => r.service_request_id), [staff.number]);
    const closed = (await get('requests.json?status=closed')).body;
    assert.deepEqual(closed.map((r: { service_request_id: string }) => r.service_request_id), [asked.id]);
    assert.ok((await get('requests.json?status=open')).body.every((r: { status: string }) => r.status === 'open'));

    const [p1, p2] = [(await get('requests.json?page_size=2&page=1')).body, (await get('requests.json?page_size=2&page=2')).body];
    assert.equal(p1.length, 2);
    assert.deepEqual([...p1, ...p2].map((r: { service_request_id: string }) => r.service_request_id), all.slice(0, p1.length + p2.length), 'pages follow on');
    assert.equal((await get('requests.json?page_size=1001')).status, 400);

    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual((await get(`requests.json?start_date=${day(-200)}&end_date=${day(-120)}`)).body, [], 'an old window holds none of today’s');
    // A bare date is the start of that day where the server is (Asia/Shanghai): two days on is after now at any hour.
    assert.equal((await get(`requests.json?start_date=${day(-1)}&end_date=${day(2)}`)).body.length, all.length);
    const wide = await get(`requests.json?start_date=${day(-91)}&end_date=${day(1)}`, 'en');
    assert.equal(wide.status, 400);
    assert.match(wide.body[0].description, /end_date must not be before start_date, nor more than 90 days after it/);
    assert.equal((await get(`requests.xml?start_date=${day(1)}&end_date=${day(-1)}`)).status, 400);
    assert.equal((await get(`servicerequestupdates.json?start_date=${day(-100)}`)).status, 200, 'one date alone spans 90 days from it');
    assert.equal((await get(`servicerequestupdates.json?start_date=${day(-100)}&end_date=${day(0)}`)).status, 400);
    assert.match((await get('requests.json?status=pending')).body[0].description, /open 或 closed/);
  });

  it('counts each key’s calls a minute: the one past its limit is a 429 with Retry-After; last use is shown', async () => {
    const limited = await newKey({ name: '限流测试', perMinute: 2 });
    assert.equal((await get(`services.json?api_key=${limited.key}`)).status, 200);
    assert.equal((await get(`requests.json?api_key=${limited.key}`)).status, 200);
    const over = await get(`services.xml?api_key=${limited.key}`);
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers['retry-after']) >= 1);
    assert.match(over.text, /<errors><error><code>429<\/code><description>该接口密钥请求过于频繁/);
    assert.equal((await get('services.json')).status, 200, 'another caller is not held back');
    const shown = (await t.http.get(`/api/api-keys/${limited.id}`).set(admin())).body;
    assert.ok(shown.lastUsedAt && Math.abs(Date.parse(shown.lastUsedAt) - Date.now()) < 60_000);
  });

  it('a revoked key is refused at once, and stays listed', async () => {
    const doomed = await newKey({ name: '将停用' });
    assert.equal((await ask({ api_key: doomed.key, address_id: String(w.units.compound) })).status, 201);
    const revoked = await t.http.delete(`/api/api-keys/${doomed.id}`).set(admin());
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.active, false);
    assert.ok(revoked.body.revokedAt);
    const refused = await ask({ api_key: doomed.key, address_id: String(w.units.compound) });
    assert.deepEqual([refused.status, refused.body[0].description], [403, '接口密钥无效或已停用']);
    assert.equal((await get(`services.json?api_key=${doomed.key}`)).status, 403);
    assert.ok((await t.http.get('/api/api-keys').set(admin())).body.some((k: { id: number }) => k.id === doomed.id));
  });

  it('answers anything else under /open311/v2 with the spec’s error list', async () => {
    const res = await get('requests.yaml');
    assert.equal(res.status, 404);
    assert.equal(res.body[0].code, 404);
    assert.match((await get('discovery.xml')).text, /<errors><error><code>404<\/code>/);
  });
});
