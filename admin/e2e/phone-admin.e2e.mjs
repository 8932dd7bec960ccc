// The administrator's pages on a phone (390×844) and a desktop (1400×900): every list without a squeezed table or
// sideways scrolling, the access log in words (列表, not "list"), and a long page title that stops before the
// language menu. Screenshots of each page at both sizes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoSidewaysScroll, consoleSession, login, SHOTS } from './browser.mjs';

const PHONE = { width: 390, height: 844 };

/** Lists whose tables have more columns than a phone holds: one line a record there instead. */
const AS_LINES = ['access-log', 'users', 'departments', 'residents', 'categories', 'channels'];
/** Every other list page and the report pages: they must fit too. */
const OTHER_PAGES = ['todo', 'cases', 'grid-units', 'calendar-days', 'reports', 'daily-report', 'api-keys'];

describe("the administrator's pages on a phone", () => {
  const session = consoleSession();

  it('at 1400×900 the access log says in words what each entry was', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    await login(page, base, 'admin');
    // A list of staff shows their phones in full to an admin: that view is an access-log entry of detail `list`.
    await page.goto(`${base}/#/users`);
    await page.locator('tbody tr').first().waitFor();
    await page.goto(`${base}/#/access-log`);
    const row = page.locator('tbody tr').first();
    await row.waitFor();
    assert.equal(await page.locator('tbody td', { hasText: /^list$/ }).count(), 0, 'no code "list" in the table');
    await page.locator('tbody td', { hasText: /^列表$/ }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}phone-admin-0-access-log-desktop.png` });
  });

  it('at 390×844: lists as lines, no page scrolls sideways, a long title ends before the language menu', async () => {
    const base = session.server.baseUrl;
    const phone = await session.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    // Signed in on the phone itself (its menu is folded away): an admin lands on the dashboard, #/.
    await page.goto(`${base}/#/login`);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('demo1234');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.hash === '#/');
    await page.locator('header').waitFor();

    for (const resource of AS_LINES) {
      await page.goto(`${base}/#/${resource}`);
      await page.locator('.MuiListItemText-root').first().waitFor();
      assert.equal(await page.locator('table').count(), 0, `${resource}: no table on the phone`);
      await assertNoSidewaysScroll(page, resource);
      await page.screenshot({ path: `${SHOTS}phone-admin-${resource}.png` });
    }
    // The access log's lines in words too.
    await page.goto(`${base}/#/access-log`);
    await page.getByText(/· 列表$/).first().waitFor();
    assert.equal(await page.getByText(/\blist\b/).count(), 0, 'no code "list" on the phone');

    for (const path of OTHER_PAGES) {
      await page.goto(`${base}/#/${path}`);
      await page.waitForLoadState('networkidle');
      await assertNoSidewaysScroll(page, path);
      await page.screenshot({ path: `${SHOTS}phone-admin-${path}.png` });
    }

    // 工作人员 系统管理员 is longer than the room left by the menus: cut short, clear of the language menu.
    await page.goto(`${base}/#/users/1`);
    await page.locator('input[name="name"]').waitFor();
    const { title, text, menu } = await page.evaluate(() => {
      const title = document.getElementById('react-admin-title');
      const box = (el) => el.getBoundingClientRect().toJSON();
      const menu = [...document.querySelectorAll('header button')].find((b) => b.textContent.includes('中文'));
      return { title: box(title), text: box(title.firstElementChild), menu: box(menu) };
    });
    assert.ok(title.right <= menu.left, `the title's box (${title.left}-${title.right}) ends before the language menu (${menu.left})`);
    assert.ok(text.right <= title.right + 0.5, `the title's text (${text.left}-${text.right}) stays inside its box (to ${title.right})`);
    await assertNoSidewaysScroll(page, 'user edit');
    await page.screenshot({ path: `${SHOTS}phone-admin-user-edit.png` });
    await phone.close();
  });
});
