import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, logCase, tryAction, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

describe('knowledge base and reply templates: answers at intake, texts filled from the case', () => {
  let t: TestApp;
  let w: World;
  const as = (token: string) => ({ get: (p: string) => t.http.get(`/api${p}`).set('Authorization', `Bearer ${token}`), post: (p: string, b: object) => t.http.post(`/api${p}`).set('Authorization', `Bearer ${token}`).send(b) });

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('supervisors keep articles; intake sees those in force for the category and the words typed', async () => {
    const sup = as(w.users.supervisor.token);
    const make = async (body: object) => {
      const res = await sup.post('/articles', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as number;
    };
    const fee = await make({ title: '2026-2027 采暖季收费标准', body: '居民供暖费每平方米每月 4.5 元，可在热力公司营业厅或微信缴纳。', categoryId: w.categories.heating, validFrom: '2026-10-15', public: true });
    const old = await make({ title: '2025-2026 采暖季收费标准', body: '居民供暖费每平方米每月 4.2 元。', categoryId: w.categories.heating, validUntil: '2026-04-15' });
    const general = await make({ title: '物业费纠纷处理流程', body: '先与物业协商，协商不成可向社区反映。', categoryId: w.categories.property });
    const anywhere = await make({ title: '12345 热线受理范围', body: '非紧急类政务服务诉求，包括供暖、供水、物业。' });
    assert.equal((await as(w.users.dispatcher.token).post('/articles', { title: 'x', body: 'y' })).status, 403, 'dispatchers read, supervisors keep');
    const bad = await sup.post('/articles', { title: 'x', body: 'y', validFrom: '2026-12-01', validUntil: '2026-11-01' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.validUntil);

    const desk = as(w.users.dispatcher.token);
    const heating = (await desk.get(`/article-suggestions?categoryId=${w.categories.heating}`)).body.map((a: { id: number }) => a.id);
    assert.deepEqual(heating, [fee, anywhere], 'the category’s own first, the expired one left out, another category’s never');
    const typed = (await desk.get(`/article-suggestions?categoryId=${w.categories.heating}&q=${encodeURIComponent('供暖 缴纳')}`)).body;
    assert.deepEqual(typed.map((a: { id: number }) => a.id), [fee]);
    assert.ok(typed[0].excerpt.startsWith('居民供暖费'));
    const sub = (await desk.get(`/article-suggestions?categoryId=${w.categories.elevator}`)).body.map((a: { id: number }) => a.id);
    assert.ok(sub.includes(general), 'an article of a category above the one logged applies');
    assert.ok(!sub.includes(old));
    assert.equal((await desk.get('/article-suggestions?categoryId=abc')).status, 400);
    const listed = await desk.get(`/articles?filter=${filter({ q: '收费 标准' })}`);
    assert.match(listed.headers['content-range'], /\/2$/);
  });

  it('answers a consultation with an article: closed on the spot, the article linked and counted', async () => {
    const sup = as(w.users.supervisor.token);
    const [fee] = (await sup.get(`/articles?filter=${filter({ q: '2026-2027' })}`)).body;
    const c = await logCase(t, w, w.users.dispatcher.token, { type: 'consult', categoryId: w.categories.heating, title: '今年供暖费多少钱' });
    const res = await tryAction(t, w.users.dispatcher.token, c, 'close_directly', { articleId: fee.id });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'closed');
    assert.equal(res.body.result, '已按知识库《2026-2027 采暖季收费标准》解答');
    const events = (await sup.get(`/case-events?filter=${filter({ caseId: c.id })}`)).body;
    assert.equal(events.at(-1).data.articleId, fee.id);
    assert.equal((await sup.get(`/articles/${fee.id}`)).body.uses, 1);
    assert.equal((await t.http.delete(`/api/articles/${fee.id}`).set('Authorization', `Bearer ${w.users.supervisor.token}`)).status, 409, 'used: disabled, never deleted');

    const desk = await t.http.post('/api/cases/answer-intake').set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ title: '供暖费怎么交', type: 'consult', channelId: w.channels.hotline, categoryId: w.categories.heating, gridUnitId: w.units.compound, articleId: fee.id });
    assert.equal(desk.status, 201, JSON.stringify(desk.body));
    assert.equal(desk.body.status, 'closed');
    assert.equal(desk.body.handledDirectly, true);
    assert.equal((await sup.get(`/articles/${fee.id}`)).body.uses, 2);

    const [old] = (await sup.get(`/articles?filter=${filter({ q: '2025-2026' })}`)).body;
    const before = Number((await sup.get('/cases?range=[0,0]')).headers['content-range'].split('/')[1]);
    const notLogged = await t.http.post('/api/cases/answer-intake').set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ title: '供暖费怎么交', type: 'consult', channelId: w.channels.hotline, categoryId: w.categories.heating, gridUnitId: w.units.compound, articleId: old.id });
    assert.equal(notLogged.status, 400, 'an article out of force is refused, and nothing is logged');
    assert.equal(Number((await sup.get('/cases?range=[0,0]')).headers['content-range'].split('/')[1]), before);
    const other = await logCase(t, w, w.users.dispatcher.token, { type: 'consult', categoryId: w.categories.heating });
    const refused = await tryAction(t, w.users.dispatcher.token, other, 'close_directly', { articleId: old.id });
    assert.equal(refused.status, 400);
    assert.match(refused.body.errors.articleId, /有效期/);
  });

  it('fills a template from the case the user may see, and counts it', async () => {
    const sup = as(w.users.supervisor.token);
    const made = await sup.post('/reply-templates', { name: '转办告知', text: '{居民}您好，您反映的{分类}问题（{编号}）已转{单位}办理，将于{时限}前办结。{未知}', action: 'comment' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    let c = await logCase(t, w, w.users.dispatcher.token, { reporterName: '张阿姨' });
    c = (await tryAction(t, w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property })).body;
    const filled = await as(w.users.dispatcher.token).post(`/reply-templates/${made.body.id}/render`, { caseId: c.id });
    assert.equal(filled.status, 200, JSON.stringify(filled.body));
    const due = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(c.resolveDueAt));
    assert.equal(filled.body.text, `张阿姨您好，您反映的物业管理问题（${c.number}）已转鑫源物业办理，将于${due}前办结。{未知}`);
    assert.equal((await sup.get(`/reply-templates/${made.body.id}`)).body.uses, 1);
    assert.equal((await as(w.users.handler.token).post(`/reply-templates/${made.body.id}/render`, { caseId: 999999 })).status, 404);
  });
});
