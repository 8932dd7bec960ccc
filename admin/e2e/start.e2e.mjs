// Opening the console as a new user and as a returning one; a handler's ordinary pages ask nothing they are refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, consoleSession, login, SHOTS } from './browser.mjs';

/** A fresh browser context (no session, empty cache) that counts every history navigation the app makes. */
async function countingPage(browser) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(20_000);
  await context.addInitScript(() => {
    window.__navigations = 0;
    for (const k of ['pushState', 'replaceState']) {
      const original = history[k];
      history[k] = function (...args) {
        window.__navigations++;
        return original.apply(this, args);
      };
    }
  });
  const page = await context.newPage();
  return { page, context, navigations: () => page.evaluate(() => window.__navigations) };
}

async function signIn(page, username) {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('demo1234');
  await page.locator('button[type="submit"]').click();
}

describe('opening the console', () => {
  const session = consoleSession();

  it('with no session, / shows the login form after a few navigations at most, and a case link survives signing in', async () => {
    const base = session.server.baseUrl;
    const { page, context, navigations } = await countingPage(session.browser);
    await page.goto(`${base}/`);
    await page.locator('input[name="username"]').waitFor();
    await page.waitForTimeout(500);
    const n = await navigations();
    assert.ok(n <= 3, `opening / navigated ${n} times before the login form settled`);
    await page.screenshot({ path: `${SHOTS}start-1-login.png` });
    // Bad input is answered on the form, in Chinese, before and after asking the server.
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: '请输入用户名和密码' }).waitFor();
    await signIn(page, 'nobody-here');
    await page.getByRole('alert').filter({ hasText: /用户名或密码/ }).waitFor();

    // A colleague's link to a case, opened signed out, leads there once signed in.
    const c = await (await apiAs(base, 'dispatcher')).logCase('3号楼楼道灯不亮');
    await page.goto(`${base}/#/cases/${c.id}/show`);
    await page.locator('input[name="username"]').waitFor();
    await signIn(page, 'dispatcher');
    await page.getByTestId('case-number').filter({ hasText: c.number }).waitFor();
    await context.close();
  });

  it('signed in, entering by / lands each role on its own page; the menu still opens 工作台', async () => {
    const base = session.server.baseUrl;
    for (const [username, toTodo] of [['dispatcher', true], ['worker', true], ['handler', true], ['supervisor', false]]) {
      const { page, context } = await countingPage(session.browser);
      await page.goto(`${base}/`);
      await signIn(page, username);
      await page.getByText('工作台').first().waitFor();
      // A new visit with the session kept: the address the user typed is only `/`.
      await page.goto('about:blank');
      await page.goto(`${base}/`);
      if (toTodo) await page.waitForURL(/#\/todo/);
      else {
        await page.getByText(/您好/).first().waitFor();
        assert.doesNotMatch(page.url(), /todo/, `${username} stays on 工作台`);
      }
      if (username === 'dispatcher') {
        await page.getByRole('menuitem', { name: '工作台' }).click();
        await page.getByText(/您好/).first().waitFor();
        assert.match(page.url(), /#\/$/, 'the dashboard is still reachable from the menu');
        // Signing out shows the page's own sign-in form again, and the next person lands on their own page.
        await page.getByRole('button', { name: '个人' }).click();
        await page.getByRole('menuitem', { name: '退出登录' }).click();
        await page.locator('#sign-in input[name="username"]').waitFor();
        await signIn(page, 'supervisor');
        await page.getByText(/您好/).first().waitFor();
        assert.doesNotMatch(page.url(), /todo/);
      }
      await context.close();
    }
  });

  it("a handler's pages ask for nothing the handler is refused, and offer no 编辑 or 删除", async () => {
    const base = session.server.baseUrl;
    const dispatcher = await apiAs(base, 'dispatcher');
    const c = await dispatcher.logCase('5号楼电梯困人后异响');
    const [unit] = await dispatcher.get(`/departments?filter=${encodeURIComponent(JSON.stringify({ q: '鑫源物业' }))}`);
    await dispatcher.act(c.id, 'dispatch', { departmentId: unit.id });

    const { page } = session;
    const refused = [];
    const watch = (res) => res.status() >= 400 && refused.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    await login(page, base, 'handler');
    page.on('response', watch);
    try {
      await page.waitForURL(/#\/todo/);
      await page.locator('[data-bucket] tbody tr').first().waitFor();
      await page.goto(`${base}/#/cases`);
      await page.locator('tbody tr').first().waitFor();
      await page.goto(`${base}/#/cases/${c.id}/show`);
      await page.getByTestId('case-number').filter({ hasText: c.number }).waitFor();
      await page.getByTestId('case-actions').getByRole('button', { name: '签收' }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${SHOTS}start-2-handler-case.png` });
      assert.equal(await page.getByRole('link', { name: '编辑' }).count(), 0, 'no 编辑 on the case page');
      assert.equal(await page.getByRole('button', { name: '删除' }).count(), 0, 'no 删除 on the case page');
      const menu = await page.getByRole('menuitem').allInnerTexts();
      for (const name of ['网格', '来源渠道', '工作人员', '居民', '工作日调整']) assert.ok(!menu.some((m) => m.includes(name)), `no ${name} in a handler's menu: ${menu.join(' / ')}`);
      assert.deepEqual(refused, [], 'no request refused');
    } finally {
      page.off('response', watch);
    }
  });

  it('every page in each role\'s menu opens without a refused or failed request', async () => {
    const base = session.server.baseUrl;
    for (const username of ['admin', 'supervisor', 'dispatcher', 'worker', 'handler']) {
      const { page, context } = await countingPage(session.browser);
      const refused = [];
      page.on('response', (res) => res.status() >= 400 && refused.push(`${username}: ${res.status()} ${res.request().method()} ${res.url()}`));
      page.on('pageerror', (e) => refused.push(`${username}: page error ${e.message}`));
      await page.goto(`${base}/`);
      await signIn(page, username);
      await page.getByText('工作台').first().waitFor();
      const entries = await page.getByRole('menuitem').allInnerTexts();
      for (const name of entries) {
        await page.getByRole('menuitem', { name: name.trim(), exact: true }).first().click();
        await page.waitForLoadState('networkidle');
      }
      assert.deepEqual(refused, [], `${username} opened ${entries.length} pages: ${entries.join(' / ')}`);
      await context.close();
    }
  });

  it("a resident's page lists the household's requests, newest first", async () => {
    const base = session.server.baseUrl;
    const dispatcher = await apiAs(base, 'dispatcher');
    const [c] = await dispatcher.get(`/cases?filter=${encodeURIComponent(JSON.stringify({ keyPopulation: true }))}&sort=${encodeURIComponent('["receivedAt","DESC"]')}&range=[0,0]`);
    assert.ok(c?.residentId, 'the demo has cases of registered residents');
    const { page } = session;
    await login(page, base, 'dispatcher');
    await page.goto(`${base}/#/residents/${c.residentId}/show`);
    await page.locator('tbody tr', { hasText: c.number }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}start-3-resident-cases.png` });
  });
});
