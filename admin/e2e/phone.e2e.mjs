// A grid worker's pages on a phone (390×844): cards instead of tables, nothing wider than the screen, the case number
// whole in the app bar; and the triage list on a desktop: responsible unit and place columns, a caller found by phone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, assertNoSidewaysScroll, consoleSession, login, SHOTS } from './browser.mjs';

const PHONE = { width: 390, height: 844 };
const CALLER = '13712340987';

describe('a grid worker on a phone, a dispatcher at a desk', () => {
  const session = consoleSession();

  it('the case list on a desktop shows the unit and the place, and finds a caller by the full number', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const worker = await apiAs(base, 'worker');
    const q = (filter) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
    const units = await worker.get(`/grid-units?${q({ q: '康乐园' })}`);
    const building = units.find((u) => u.level === 'building');
    const [channel] = await worker.get(`/channels?${q({ code: 'hotline_12345' })}`);
    const [category] = await worker.get(`/categories?${q({ q: '电梯' })}`);
    session.created = await worker.post('/cases', {
      title: '单元门禁损坏，住户进出需要等人开门，老人出行很不方便',
      description: '门禁读卡器没有反应已经三天',
      type: 'help',
      channelId: channel.id,
      categoryId: category.id,
      gridUnitId: building.id,
      reporterName: '刘桂兰',
      reporterPhone: CALLER,
    });
    const { number } = session.created;

    await login(page, base, 'worker');
    await page.goto(`${base}/#/cases`);
    const headers = page.locator('thead th');
    await headers.filter({ hasText: '责任单位' }).waitFor();
    await headers.filter({ hasText: '位置' }).waitFor();
    await page.getByPlaceholder('编号 / 标题 / 诉求人 / 地址').fill(CALLER);
    const row = page.locator('tbody tr', { hasText: number });
    await row.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    // The place says which compound: "康乐园 3号楼", not "3号楼" alone.
    assert.equal((await row.getByTestId('case-place').innerText()).trim(), `康乐园 ${building.name}`);
    assert.match(await row.getByTestId('due-badge').innerText(), /^响应 · 剩余/);
    // Narrowed by channel group: the call stays under 12345热线, and is gone under 网民留言.
    await page.getByRole('button', { name: '添加筛选' }).click();
    await page.getByRole('menuitemcheckbox', { name: '渠道分组' }).click();
    await page.getByRole('combobox', { name: '渠道分组' }).click();
    await page.getByRole('option', { name: '12345热线' }).click();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('"channelGroup":"hotline"'));
    await row.waitFor();
    await page.getByRole('combobox', { name: '渠道分组' }).click();
    await page.getByRole('option', { name: '网民留言' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: '渠道分组' }).click();
    await page.getByRole('option', { name: '12345热线' }).click();
    await row.waitFor();
    await page.screenshot({ path: `${SHOTS}phone-0-desktop-case-list.png` });

    // A desktop's width: the details and the timeline side by side.
    await row.click();
    await page.getByTestId('case-number').filter({ hasText: number }).waitFor();
    const timeline = await page.getByTestId('timeline').boundingBox();
    const details = await page.getByTestId('case-actions').boundingBox();
    assert.ok(timeline.x > details.x + details.width - 1, 'the timeline stands beside the details');
    assert.ok(timeline.y < 400, 'the timeline starts at the top, not below the details');
    await page.screenshot({ path: `${SHOTS}phone-0-desktop-case-page.png` });
  });

  it('at 390×844: to-do and case list as cards, the case page and the residents without sideways scrolling', async () => {
    const base = session.server.baseUrl;
    const { number, id } = session.created;
    // A phone of its own, signed in there: the grid worker lands on 我的待办 with the menu folded away.
    const phone = await session.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/#/login`);
    await page.locator('input[name="username"]').fill('worker');
    await page.locator('input[name="password"]').fill('demo1234');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/#\/todo/);

    await page.goto(`${base}/#/todo?bucket=to_handle`);
    const todoCard = page.getByTestId('case-card').filter({ hasText: number });
    await todoCard.waitFor();
    assert.equal(await page.locator('table').count(), 0, 'no table on the phone');
    assert.match(await todoCard.getByTestId('due-badge').innerText(), /响应/);
    await assertNoSidewaysScroll(page, 'to-do');
    await page.screenshot({ path: `${SHOTS}phone-1-todo.png` });

    await page.goto(`${base}/#/cases`);
    await page.getByTestId('case-card').first().waitFor();
    assert.equal(await page.locator('table').count(), 0, 'no table on the phone');
    await assertNoSidewaysScroll(page, 'case list');
    await page.screenshot({ path: `${SHOTS}phone-2-case-list.png` });

    await page.getByTestId('case-card').filter({ hasText: number }).tap();
    await page.waitForURL(new RegExp(`#/cases/${id}/show`));
    const inBar = page.getByTestId('case-number').filter({ hasText: number });
    await inBar.waitFor();
    // The app bar shows the whole number: it ends inside the title, which is not cut.
    await page.screenshot({ path: `${SHOTS}phone-3-case-page-top.png` });
    const cut = await inBar.evaluate((el) => {
      const title = el.closest('#react-admin-title') ?? el.parentElement.parentElement;
      const a = el.getBoundingClientRect();
      const t = title.getBoundingClientRect();
      return a.right > t.right + 0.5 || a.right > window.innerWidth ? `number ${a.left}-${a.right}, title ${t.left}-${t.right} (${title.id || title.className})` : false;
    });
    assert.equal(cut, false, 'the case number is cut in the app bar');
    await page.getByTestId('timeline').waitFor();
    await assertNoSidewaysScroll(page, 'case page');
    await page.screenshot({ path: `${SHOTS}phone-3-case-page.png`, fullPage: true });

    await page.goto(`${base}/#/residents`);
    await page.locator('.MuiListItemText-root').first().waitFor();
    assert.equal(await page.locator('table').count(), 0, 'no table on the phone');
    await assertNoSidewaysScroll(page, 'residents');
    await page.screenshot({ path: `${SHOTS}phone-4-residents.png` });

    // The reference lists in a grid worker's menu, one line a record.
    for (const resource of ['categories', 'channels', 'departments', 'grid-units', 'calendar-days']) {
      await page.goto(`${base}/#/${resource}`);
      await page.waitForLoadState('networkidle');
      await assertNoSidewaysScroll(page, resource);
    }
    await phone.close();
  });
});
