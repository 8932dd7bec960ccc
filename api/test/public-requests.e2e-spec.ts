import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { solveChallenge } from '../src/public/proof-of-work.js';
import { buildWorld, doAction, edit, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/** A 1×1 PNG, as a phone's photo would arrive (a data URL). */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe("residents' public API: ask, follow, rate, and what keeps a flood out", () => {
  let t: TestApp;
  let w: World;
  let place = 0;
  let phones = 0;
  // Every test asks from an address of its own (TRUST_PROXY), so the per-address limit is only met where meant.
  const from = () => `10.0.0.${++place}`;

  const ask = async (body: Record<string, unknown>, address = from()) => {
    const ch = (await t.http.get('/api/public/challenge')).body;
    const nonce = solveChallenge(ch.challenge, ch.bits);
    return t.http.post('/api/public/requests').set('X-Forwarded-For', address).send({ categoryId: w.categories.elevator, description: '3号楼电梯停了两天，老人上下楼困难', gridUnitId: w.units.compound, phone: `1381234${String(++phones).padStart(4, '0')}`, challenge: ch.challenge, nonce, ...body });
  };
  const follow = (number: string, secret: string, address = from()) => t.http.get(`/api/public/requests/${number}?secret=${secret}`).set('X-Forwarded-For', address);
  const staffCase = async (number: string) => (await t.http.get(`/api/cases?filter=${filter({ number })}`).set('Authorization', `Bearer ${w.admin}`)).body[0];

  before(async () => {
    t = await startTestApp({ PUBLIC_CHALLENGE_BITS: '8', PUBLIC_ADDRESS_LIMIT: '3', TRUST_PROXY: 'true' });
    w = await buildWorld(t);
    assert.equal((await edit(t.http, w.admin, `/channels/${w.channels.wechat}`, { publicEntry: true })).status, 200);
    const res = await t.http.post('/api/channels').set('Authorization', `Bearer ${w.admin}`).send({ name: '园区企业', code: 'park', group: 'enterprise', publicEntry: true });
    assert.equal(res.status, 201);
  });
  after(() => t.close());

  it('lists the entry points, public categories and places without a login', async () => {
    assert.deepEqual((await t.http.get('/api/public/entries')).body, [
      { code: 'wechat', name: '微信公众号', enterprise: false },
      { code: 'park', name: '园区企业', enterprise: true },
    ]);
    const cats = (await t.http.get('/api/public/categories')).body;
    assert.ok(cats.some((c: { id: number; group: string }) => c.id === w.categories.elevator && c.group === '物业管理'));
    assert.ok(!cats.some((c: { id: number }) => c.id === w.categories.property), 'a category with public children is not offered itself');
    const places = (await t.http.get('/api/public/grid-units')).body;
    assert.deepEqual(places.find((p: { id: number }) => p.id === w.units.compound), { id: w.units.compound, name: '小碱小区', level: 'compound', parentId: w.units.community });
    assert.ok(places.every((p: object) => Object.keys(p).sort().join() === 'id,level,name,parentId'), 'names only');
  });

  it('a resident asks, follows the public timeline, and an unsatisfied rating reopens the case', async () => {
    const asked = await ask({ name: '王女士', phone: '13812345678', photos: [PNG] });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const { number, secret } = asked.body;
    assert.match(secret, /^[A-Z2-9]{6}$/);
    let c = await staffCase(number);
    assert.equal(c.status, 'received');
    assert.equal(c.channelId, w.channels.wechat);
    const photos = (await t.http.get(`/api/attachments?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.admin}`)).body;
    assert.equal(photos.length, 1);
    assert.equal(photos[0].mimeType, 'image/png');

    c = await doAction(t, w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
    c = await doAction(t, w.users.dispatcher.token, c, 'comment', { note: '内部：该居民多次来电，情绪激动' });
    c = await doAction(t, w.users.handler.token, c, 'accept');
    c = await doAction(t, w.users.handler.token, c, 'reply', { result: '已联系电梯维保单位，更换控制板' });

    const seen = await follow(number, secret.toLowerCase());
    assert.equal(seen.status, 200, JSON.stringify(seen.body));
    assert.equal(seen.body.status, 'replied');
    assert.equal(seen.body.canRate, true);
    assert.deepEqual(seen.body.timeline.map((s: { action: string }) => s.action), ['create', 'dispatch', 'accept', 'reply']);
    assert.equal(seen.body.timeline[1].text, '已转交鑫源物业办理');
    assert.equal(seen.body.timeline[3].text, '鑫源物业已答复：已联系电梯维保单位，更换控制板');
    const shown = JSON.stringify(seen.body);
    for (const secretWord of ['内部', 'actor', '13812345678', '王女士']) assert.ok(!shown.includes(secretWord), `the public answer does not show ${secretWord}`);

    const rated = await t.http.post(`/api/public/requests/${number}/rating`).set('X-Forwarded-For', from()).send({ secret, resolved: false, satisfaction: 'unsatisfied', comment: '电梯还是经常停' });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    assert.equal(rated.body.status, 'in_progress');
    c = await staffCase(number);
    assert.equal(c.reopenCount, 1);
    assert.equal(c.satisfaction, 'unsatisfied');
    const events = (await t.http.get(`/api/case-events?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.admin}`)).body;
    const rating = events.at(-1);
    assert.equal(rating.action, 'follow_up');
    assert.equal(rating.actorId, null);
    assert.equal(rating.data.by, 'resident');
    assert.equal(rating.note, '电梯还是经常停');

    const again = await t.http.post(`/api/public/requests/${number}/rating`).set('X-Forwarded-For', from()).send({ secret, resolved: true, satisfaction: 'satisfied' });
    assert.equal(again.status, 409, 'rated once: the case is being handled again');
    const after = (await follow(number, secret)).body;
    assert.equal(after.timeline.at(-1).text, '未解决，已重新办理');
    assert.deepEqual(after.rating, { resolved: false, satisfaction: 'unsatisfied', comment: '电梯还是经常停' });
    const source = (await t.http.get(`/api/cases/${c.id}/source`).set('Authorization', `Bearer ${w.admin}`)).body;
    assert.equal(source.origin, 'public');
    assert.deepEqual({ ...source.residentRating, at: undefined }, { resolved: false, satisfaction: 'unsatisfied', comment: '电梯还是经常停', at: undefined });
  });

  it('staff mark entries public or internal, each mark on the timeline; the case page shows where it came from', async () => {
    const { number, secret } = (await ask({ name: '赵先生' })).body;
    let c = await staffCase(number);
    c = await doAction(t, w.users.dispatcher.token, c, 'comment', { note: '已安排网格员上门查看' });
    const events = async () => (await t.http.get(`/api/case-events?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.admin}`)).body;
    const comment = (await events()).find((e: { action: string }) => e.action === 'comment');
    assert.equal(comment.public, false, 'notes are internal by default');
    const mark = (token: string, id: number, visibility: string) => t.http.put(`/api/case-events/${id}/visibility`).set('Authorization', `Bearer ${token}`).send({ visibility });
    assert.equal((await mark(w.users.handler.token, comment.id, 'public')).status, 403);
    assert.equal((await mark(w.users.dispatcher.token, comment.id, 'everyone')).status, 400);
    const marked = await mark(w.users.dispatcher.token, comment.id, 'public');
    assert.equal(marked.status, 200, JSON.stringify(marked.body));
    assert.equal(marked.body.public, true);
    const seen = (await follow(number, secret)).body;
    assert.equal(seen.timeline.at(-1).text, '备注说明：已安排网格员上门查看');
    const all = await events();
    const record = all.at(-1);
    assert.equal(record.action, 'set_visibility');
    assert.deepEqual(record.data, { eventId: comment.id, action: 'comment', from: 'internal', to: 'public' });
    assert.equal((await mark(w.users.dispatcher.token, record.id, 'public')).status, 400, 'a mark is never public');
    const created = all.find((e: { action: string }) => e.action === 'create');
    assert.equal((await mark(w.users.supervisor.token, created.id, 'internal')).status, 200);
    assert.deepEqual((await follow(number, secret)).body.timeline.map((s: { action: string }) => s.action), ['comment']);

    const source = await t.http.get(`/api/cases/${c.id}/source`).set('Authorization', `Bearer ${w.users.dispatcher.token}`);
    assert.equal(source.status, 200);
    assert.deepEqual(source.body, { origin: 'public', company: null, creditCode: null, apiKey: null, residentRating: null });
    assert.equal((await t.http.get(`/api/cases/${c.id}/source`).set('Authorization', `Bearer ${w.users.handler.token}`)).status, 404, 'not the handler’s case');
  });

  it('a wrong code, or another case’s number, is a 404; guessing is locked', async () => {
    const mine = (await ask({})).body;
    const theirs = (await ask({})).body;
    assert.equal((await follow(mine.number, 'AAAAAA')).status, 404);
    assert.equal((await follow(theirs.number, mine.secret)).status, 404);
    assert.equal((await follow('20990101-0001', mine.secret)).status, 404);
    const guesser = '10.9.9.9';
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await follow(theirs.number, `ZZZZ${String(i).padStart(2, '2')}`, guesser)).status);
    assert.equal(answers.at(-1), 429, 'an address guessing codes is locked');
    assert.equal((await follow(theirs.number, theirs.secret, guesser)).status, 429, 'even with the right code, while locked');
    assert.equal((await follow(theirs.number, theirs.secret)).status, 429, 'the number itself is locked after ten wrong codes');
    assert.equal((await follow(mine.number, mine.secret)).status, 200);
  });

  it('a flood from one address is refused with Retry-After; a spent or missing proof of work is a 400', async () => {
    const address = '10.8.8.8';
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask({ phone: `1391234000${i}` }, address)).status);
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const refused = await ask({}, address);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(refused.body.message, /提交过于频繁/);

    const noProof = await t.http.post('/api/public/requests').set('X-Forwarded-For', from()).send({ categoryId: w.categories.elevator, description: '没有做验证的请求内容', gridUnitId: w.units.compound });
    assert.equal(noProof.status, 400);
    assert.ok(noProof.body.errors.challenge);
  });

  it('refuses what it cannot take, naming the field, and saves nothing', async () => {
    const before = Number((await t.http.get('/api/cases?range=[0,0]').set('Authorization', `Bearer ${w.admin}`)).headers['content-range'].split('/')[1]);
    const cases: [Record<string, unknown>, string][] = [
      [{ photos: ['data:image/png;base64,SGVsbG8gd29ybGQ='] }, 'photos'],
      [{ photos: [PNG, PNG, PNG, PNG] }, 'photos'],
      [{ categoryId: 999999 }, 'categoryId'],
      [{ gridUnitId: undefined }, 'gridUnitId'],
      [{ entry: 'hotline_12345' }, 'entry'],
      [{ phone: '12345' }, 'phone'],
      [{ creditCode: 'short' }, 'creditCode'],
      [{ description: '短' }, 'description'],
    ];
    for (const [change, field] of cases) {
      const res = await ask(change);
      assert.equal(res.status, 400, `${field}: ${res.status} ${JSON.stringify(res.body)}`);
      assert.ok(res.body.errors?.[field], `${field} named: ${JSON.stringify(res.body)}`);
    }
    const after = Number((await t.http.get('/api/cases?range=[0,0]').set('Authorization', `Bearer ${w.admin}`)).headers['content-range'].split('/')[1]);
    assert.equal(after, before);
  });

  it('an enterprise asks through its entry, and the device location finds the compound', async () => {
    const res = await ask({ entry: 'park', company: '青海某某科技有限公司', creditCode: '91630100MA7XXXXX1K', gridUnitId: undefined, lat: 36.6, lng: 101.8 });
    // No compound has a position in this world: the location alone cannot place it.
    assert.equal(res.status, 400);
    const placed = await ask({ entry: 'park', company: '青海某某科技有限公司', creditCode: '91630100MA7XXXXX1K' });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const c = await staffCase(placed.body.number);
    assert.equal(c.reporterName, '青海某某科技有限公司');
    const events = (await t.http.get(`/api/case-events?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.admin}`)).body;
    assert.equal(events[0].data.origin, 'enterprise');
  });
});
