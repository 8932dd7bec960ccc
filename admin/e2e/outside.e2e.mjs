// Issue 17 in the console: an enterprise entry channel made with its link, a request asked through it and rated
// by the resident (来源 and 居民自评 on the case page, 企业 / 居民 as the timeline's actors), a staff note made public
// from the timeline, and a webhook created whose failing receiver shows in its deliveries with 重试.
// Screenshots at 1400×900 and 390×844.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { solveChallenge } from '../../api/dist/src/public/proof-of-work.js';
import { apiAs, assertNoSidewaysScroll, consoleSession, login, SHOTS } from './browser.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };
const COMPANY = '青海某某科技有限公司';
const CREDIT_CODE = '91630100MA7XXXXX1K';

/** Both screenshots of what is on screen now, and no sideways scrolling on the phone. */
async function shots(page, name, waitFor) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  if (waitFor) await waitFor();
  await assertNoSidewaysScroll(page, name);
  await page.screenshot({ path: `${SHOTS}${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/** The public page's API as a phone would use it: a solved challenge, then the request (no login). */
async function askAsEnterprise(base, entry) {
  const json = async (path, init) => {
    const res = await fetch(`${base}/api/public${path}`, init);
    const body = await res.json();
    assert.ok(res.ok, `${path} answered ${res.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const category = (await json('/categories')).find((c) => c.name.includes('电梯'));
  const place = (await json('/grid-units')).find((p) => p.name === '小碱小区');
  const { challenge, bits } = await json('/challenge');
  const post = (path, body) => json(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const asked = await post('/requests', {
    entry, company: COMPANY, creditCode: CREDIT_CODE, categoryId: category.id, gridUnitId: place.id, description: '园区3号厂房门口路灯不亮，夜间进出不安全',
    name: '张经理', phone: '13912345678', challenge, nonce: solveChallenge(challenge, bits),
  });
  return { ...asked, rate: (body) => post(`/requests/${asked.number}/rating`, { secret: asked.secret, ...body }) };
}

describe('requests from outside and events out, in the console', () => {
  const session = consoleSession();

  it("as admin and dispatcher: an enterprise entry's link, its request's source and the resident's own rating, a note made public", async () => {
    const { page } = session;
    const base = session.server.baseUrl;

    // The admin makes an entry channel for a park's enterprises: the form shows the link residents will open.
    await login(page, base, 'admin');
    await page.goto(`${base}/#/channels/create`);
    await page.locator('input[name="name"]').fill('园区企业');
    await page.locator('input[name="code"]').fill('park_e2e');
    await page.getByRole('combobox', { name: '分组' }).click();
    await page.getByRole('option', { name: '企业诉求' }).click();
    assert.equal(await page.getByTestId('entry-link').count(), 0, 'no link before it is an entry');
    await page.getByLabel('居民端入口').check();
    assert.equal(await page.getByTestId('entry-link').innerText(), `${base}/m/?entry=park_e2e`);
    await shots(page, 'outside-0-entry-channel', () => page.getByTestId('entry-link').waitFor());
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.RaDatagrid-row, .MuiListItem-root').filter({ hasText: '园区企业' }).first().waitFor();

    // A category's words for residents' search, and whether it is offered to them at all.
    const admin = await apiAs(base, 'admin');
    const [elevator] = await admin.get(`/categories?filter=${encodeURIComponent(JSON.stringify({ q: '电梯故障' }))}`);
    await page.goto(`${base}/#/categories/${elevator.id}`);
    assert.equal(await page.getByLabel('向公众开放').isChecked(), true);
    await page.locator('input[name="keywords"]').fill('电梯,停运,困人');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/categories$|categories\?/);
    assert.equal((await admin.get(`/categories/${elevator.id}`)).keywords, '电梯,停运,困人');

    const asked = await askAsEnterprise(base, 'park_e2e');
    const dispatcher = await apiAs(base, 'dispatcher');
    const handler = await apiAs(base, 'handler');
    const [c] = await dispatcher.get(`/cases?filter=${encodeURIComponent(JSON.stringify({ number: asked.number }))}`);
    const [unit] = await dispatcher.get(`/departments?filter=${encodeURIComponent(JSON.stringify({ q: '鑫源物业' }))}`);
    await dispatcher.act(c.id, 'dispatch', { departmentId: unit.id });
    await dispatcher.act(c.id, 'comment', { note: '已约物业明早查看线路' });
    await handler.act(c.id, 'accept');
    await handler.act(c.id, 'reply', { result: '已更换路灯灯泡，恢复照明' });
    await asked.rate({ resolved: true, satisfaction: 'satisfied', comment: '修得很快，谢谢' });

    await login(page, base, 'dispatcher');
    await page.goto(`${base}/#/cases/${c.id}/show`);
    const timeline = page.getByTestId('timeline');
    await timeline.getByTestId('event-follow_up').waitFor();
    assert.equal(await page.getByTestId('case-source').innerText(), `企业端（${COMPANY}，统一社会信用代码 ${CREDIT_CODE}）`);
    const rating = page.getByTestId('resident-rating');
    assert.match(await rating.innerText(), /居民自评[\s\S]*问题是否解决：是[\s\S]*满意度：满意[\s\S]*评价意见：修得很快，谢谢[\s\S]*评价时间：/);
    // Who acted when no staff member did.
    assert.match(await timeline.getByTestId('event-create').innerText(), /企业/);
    assert.match(await timeline.getByTestId('event-follow_up').innerText(), /居民/);
    // A reply is public by default, a note internal; each says so.
    const note = timeline.getByTestId('event-comment');
    assert.equal(await timeline.getByTestId('event-reply').getByTestId('visibility').innerText(), '公开');
    assert.equal(await note.getByTestId('visibility').innerText(), '内部');
    await note.getByTestId('visibility').hover();
    await page.getByRole('tooltip', { name: '仅内部可见' }).waitFor();
    await shots(page, 'outside-1-case-source', () => timeline.getByTestId('event-follow_up').waitFor());

    // The dispatcher makes the note public: it says so, and the mark is an entry of its own.
    await note.getByRole('button', { name: '设为公开' }).click();
    await note.locator('[data-testid="visibility"][data-public="true"]').waitFor();
    const mark = timeline.getByTestId('event-set_visibility');
    await mark.waitFor();
    assert.match(await mark.innerText(), /设置公开范围[\s\S]*李晓梅[\s\S]*所设记录：备注[\s\S]*公开范围：改为公开/);
    assert.equal(await mark.getByTestId('visibility-toggle').count(), 0, 'a mark is not itself marked');
    const events = await dispatcher.get(`/case-events?filter=${encodeURIComponent(JSON.stringify({ caseId: c.id, action: 'comment' }))}`);
    assert.deepEqual([events[0].visibility, events[0].public], ['public', true]);
    await shots(page, 'outside-2-note-made-public', () => mark.waitFor());

    // A unit's handler sees the marks but may not change them.
    await login(page, base, 'handler');
    await page.goto(`${base}/#/cases/${c.id}/show`);
    await timeline.getByTestId('event-comment').getByTestId('visibility').waitFor();
    assert.equal(await timeline.getByTestId('visibility-toggle').count(), 0);
  });

  it('as admin: a webhook created with its events and a generated secret; a failing receiver shows in its deliveries, with 重试', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    // A receiver that is down: every delivery answers 503. Within this helper's ports (3360–3369).
    const calls = [];
    const receiver = createServer((req, res) => {
      calls.push(req.headers['x-tracker-event']);
      req.resume();
      res.writeHead(503).end('maintenance');
    });
    await new Promise((r) => receiver.listen(Number(process.env.E2E_RECEIVER_PORT ?? 3369), '127.0.0.1', r));
    try {
      await login(page, base, 'admin');
      await page.getByRole('menuitem', { name: '事件推送' }).click();
      await page.getByRole('link', { name: '新建' }).click();
      await page.locator('input[name="name"]').fill('市12345平台');
      await page.locator('input[name="url"]').fill('ftp://example');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('请输入以 http:// 或 https:// 开头的网址').waitFor();
      await page.locator('input[name="url"]').fill(`http://127.0.0.1:${receiver.address().port}/hook`);
      await page.getByRole('combobox', { name: '推送事件' }).click();
      await page.getByRole('option', { name: '派单', exact: true }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('secret-generate').click();
      assert.match(await page.locator('input[name="secret"]').inputValue(), /^[A-Za-z0-9]{32}$/);
      await page.screenshot({ path: `${SHOTS}outside-3-webhook-create.png`, fullPage: true });
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/webhooks') && r.request().method() === 'POST');
      await page.getByRole('button', { name: '保存' }).click();
      const hook = await (await saved).json();
      assert.deepEqual([hook.events, hook.active, 'secret' in hook], [['dispatch'], true, false]);

      // A dispatch goes out, the receiver refuses it: the delivery waits for its next attempt, with the status and error.
      const dispatcher = await apiAs(base, 'dispatcher');
      const c = await dispatcher.logCase('路灯不亮');
      const [unit] = await dispatcher.get(`/departments?filter=${encodeURIComponent(JSON.stringify({ q: '鑫源物业' }))}`);
      await dispatcher.act(c.id, 'dispatch', { departmentId: unit.id });
      const admin = await apiAs(base, 'admin');
      for (let i = 0; i < 60 && !(await admin.get(`/webhooks/${hook.id}/deliveries`)).some((d) => d.attempts > 0); i++) await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(calls, ['dispatch'], 'only the event it hears');

      await page.goto(`${base}/#/webhooks/${hook.id}/show/deliveries`);
      await page.getByTestId('delivery-state').filter({ hasText: '待推送' }).waitFor();
      const row = page.locator('tr').filter({ has: page.getByTestId('delivery-state') });
      assert.match(await row.innerText(), /派单[\s\S]*503/);
      await shots(page, 'outside-4-deliveries', () => page.getByTestId('delivery-row').first().waitFor());
      await row.getByTestId('delivery-retry').click();
      await page.getByText('已安排立即重试').waitFor();
      for (let i = 0; i < 40 && calls.length < 2; i++) await new Promise((r) => setTimeout(r, 500));
      assert.equal(calls.length, 2, 'retried at once, not after its back-off');

      // Edited without touching the secret: none is sent; the webhook is disabled instead of deleted.
      await page.goto(`${base}/#/webhooks/${hook.id}`);
      assert.equal(await page.locator('input[name="secret"]').count(), 0, 'the secret is asked only when changing it');
      await page.getByLabel('启用').uncheck();
      const put = page.waitForRequest((r) => r.url().endsWith(`/api/webhooks/${hook.id}`) && r.method() === 'PUT');
      await page.getByRole('button', { name: '保存' }).click();
      assert.equal('secret' in (await put).postDataJSON(), false);
      await page.waitForURL(/\/show$/);
      assert.equal((await admin.get(`/webhooks/${hook.id}`)).active, false);
    } finally {
      receiver.close();
    }
  });
});
