// The supervisor's and administrator's pages: hot spots and the trend as report tabs, the daily report's day
// stepping and print view, the grid-unit tree in natural order, categories' inherited limits in minutes and hours,
// the working-day calendar corrected with a click, the tab titles and the favicon. Screenshots at 1400×900 and 390×844.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, consoleSession, login, SHOTS } from './browser.mjs';

const shanghaiDate = (d = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const shanghaiHour = (d = new Date()) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(d));
const dayBefore = (date) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const chineseDate = (date) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };

/** Both screenshots of what is on screen now: the desktop one as it is, then the phone one after a re-layout. */
async function shots(page, name, waitFor) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  if (waitFor) await waitFor();
  await page.screenshot({ path: `${SHOTS}${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
}

describe("the supervisor's and administrator's pages", () => {
  const session = consoleSession();

  it('as supervisor: hot spots and the trend are report tabs for the period; 日报 opens on its default day with previous/next and prints only the report', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const supervisor = await apiAs(base, 'supervisor');
    await login(page, base, 'supervisor');

    await page.getByRole('menuitem', { name: '统计报表' }).click();
    await page.getByTestId('report-tab-hotspots').click();
    await page.waitForURL(/tab=hotspots/);
    const from = new URL(page.url().replace('#/', '')).searchParams.get('from');
    const to = new URL(page.url().replace('#/', '')).searchParams.get('to');
    const spots = await supervisor.get(`/reports/hotspots?from=${from}&to=${to}`);
    assert.ok(spots.length > 0, 'the demo month has hot spots');
    await page.getByTestId('hot-spot-row').first().waitFor();
    assert.equal(await page.getByTestId('hot-spot-row').count(), spots.length);
    // A grid is named with its community: every community has a 2号网格.
    assert.match(await page.getByTestId('hot-spot-row').first().innerText(), /社区 \S*网格/);
    assert.equal(await page.title(), '统计报表 · 有诉必应');
    await shots(page, 'admin-pages-1-hotspots');

    // A hot spot's count opens exactly its cases.
    await page.getByTestId('hot-spot-cases').first().click();
    await page.waitForURL(/#\/cases\?/);
    await page.goBack();

    await page.getByTestId('report-tab-trend').click();
    const trend = await supervisor.get(`/reports/trend?from=${from}&to=${to}`);
    await page.getByTestId('trend-row').first().waitFor();
    assert.equal(await page.getByTestId('trend-row').count(), trend.weeks.length);
    assert.ok((await page.getByTestId('trend-row').first().innerText()).startsWith(from.slice(5)), 'the first week is cut to the period');
    await page.getByTestId('report-trend').locator('svg').first().waitFor();
    await shots(page, 'admin-pages-2-trend', () => page.getByTestId('trend-row').first().waitFor());

    // 日报: yesterday until 18:00 in Shanghai, then today; the day before and back again.
    await page.getByRole('menuitem', { name: '日报' }).click();
    const today = shanghaiDate();
    const opensOn = shanghaiHour() < 18 ? dayBefore(today) : today;
    const dateIs = (d) => page.waitForFunction((x) => document.querySelector('[data-testid="daily-date"]')?.value === x, d);
    const textOf = (d) => page.waitForFunction((x) => document.querySelector('[data-testid="daily-text"]')?.value?.startsWith(x), chineseDate(d));
    await dateIs(opensOn);
    await textOf(opensOn);
    await page.getByTestId('daily-previous').click();
    await dateIs(dayBefore(opensOn));
    await textOf(dayBefore(opensOn));
    await page.getByTestId('daily-next').click();
    await dateIs(opensOn);
    await textOf(opensOn);
    assert.equal(await page.getByTestId('daily-next').isDisabled(), opensOn === today, 'no day after today');
    assert.equal(await page.title(), '日报 · 有诉必应');
    await shots(page, 'admin-pages-3-daily');

    // On paper: the text and the tables, no app bar, menu, pickers or buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header').first().isVisible(), false);
    assert.equal(await page.getByTestId('daily-previous').isVisible(), false);
    assert.equal(await page.getByTestId('daily-copy').isVisible(), false);
    assert.ok(await page.getByText(`${opensOn} 日报`).isVisible());
    assert.ok(await page.getByTestId('daily-hot-topics').isVisible());
    await page.screenshot({ path: `${SHOTS}admin-pages-4-daily-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('as admin: grid units as a tree in natural order, inherited limits in minutes, a calendar day corrected and restored by clicks, a favicon', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const admin = await apiAs(base, 'admin');
    // A tenth grid beside 1号–3号 of 第一片区: a flat sort would put it between 1号 and 2号.
    const [zone] = await admin.get(`/grid-units?filter=${encodeURIComponent(JSON.stringify({ q: '黄河路社区 / 第一片区' }))}`);
    await admin.post('/grid-units', { name: '10号网格', code: 'HHL-G10', level: 'grid', parentId: zone.id });
    await login(page, base, 'admin');

    await page.getByRole('menuitem', { name: '网格' }).click();
    const tree = page.getByTestId('grid-unit-tree');
    await tree.getByText('第一片区', { exact: true }).waitFor();
    const labels = await tree.locator('.MuiTreeItem-label').allInnerTexts();
    const order = ['1号网格', '2号网格', '3号网格', '10号网格'].map((n) => labels.indexOf(n));
    assert.ok(order.every((i) => i >= 0), `the first zone's grids are shown: ${labels.join(', ')}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, '1号, 2号, 3号, then 10号');
    assert.equal(await page.title(), '网格 · 有诉必应');
    await shots(page, 'admin-pages-5-grid-tree', () => tree.getByText('第一片区', { exact: true }).waitFor());
    // A name opens its unit.
    await tree.getByText('10号网格', { exact: true }).click();
    await page.waitForURL(/#\/grid-units\/\d+\/show/);
    await page.getByText('火车站街道 / 黄河路社区 / 第一片区 / 10号网格').first().waitFor();
    // A unit's page lists its children in the same order.
    await page.goto(`${base}/#/grid-units/${zone.id}/show`);
    await page.getByTestId('unit-children').getByText('10号网格').waitFor();
    const children = await page.getByTestId('unit-children').locator('.MuiListItemText-primary').allInnerTexts();
    assert.deepEqual(children, ['1号网格', '2号网格', '3号网格', '10号网格']);

    // A new unit's required fields are checked before anything is sent.
    await page.goto(`${base}/#/grid-units/create`);
    await page.locator('input[name="leaderName"]').fill('王芳');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('必填').first().waitFor();
    assert.match(page.url(), /grid-units\/create/);

    // Categories: the limits in force, inherited ones marked; urgent sign-for in minutes.
    await page.goto(`${base}/#/categories`);
    await page.getByTestId('limit-signForHours').first().waitFor();
    assert.ok((await page.getByText('（继承）').count()) > 0, 'inherited limits are marked');
    // On a phone the list is one line a category (name and unit); the limits are on its page.
    await shots(page, 'admin-pages-6-categories', () => page.locator('[data-testid="limit-signForHours"], .MuiListItemText-root').first().waitFor());
    const [safety] = await admin.get(`/categories?filter=${encodeURIComponent(JSON.stringify({ code: 'safety' }))}`);
    await page.goto(`${base}/#/categories/${safety.id}/show`);
    await page.getByTestId('limit-urgentSignForHours').waitFor();
    const minutes = /^(\d+) 分钟/.exec(await page.getByTestId('limit-urgentSignForHours').innerText())?.[1];
    assert.ok(minutes, 'urgent sign-for under an hour is shown in minutes');
    assert.equal(Number(minutes), Math.round((safety.urgentSignForHours ?? 0.5) * 60));
    await page.getByRole('link', { name: '编辑' }).click();
    await page.getByTestId('urgentSignForHours-amount').waitFor();
    await page.waitForFunction((m) => document.querySelector('[data-testid="urgentSignForHours-amount"]')?.value === m, minutes);
    assert.equal(await page.getByTestId('urgentSignForHours-unit').inputValue(), 'minutes');
    // A sub-category's form says what an empty limit inherits.
    const [fireHazard] = await admin.get(`/categories?filter=${encodeURIComponent(JSON.stringify({ code: 'fire_hazard' }))}`);
    await page.goto(`${base}/#/categories/${fireHazard.id}`);
    await page.getByText(/^留空则继承：\d+ (分钟|小时)$/).first().waitFor();
    // Its own limits are empty (coming from another category's form, none of its values stay behind).
    assert.equal(fireHazard.urgentSignForHours, null);
    assert.equal(await page.getByTestId('urgentSignForHours-amount').inputValue(), '');
    assert.equal(await page.getByTestId('urgentSignForHours-unit').inputValue(), 'minutes', 'offered in the unit of what it inherits');
    await page.screenshot({ path: `${SHOTS}admin-pages-6b-category-edit.png`, fullPage: true });

    // 工作日调整: a click corrects a day (it appears among the corrections), another click removes the correction.
    await page.goto(`${base}/#/calendar-days`);
    const year = Number(shanghaiDate().slice(0, 4));
    await page.getByTestId('calendar-year-title').filter({ hasText: String(year) }).waitFor();
    const date = `${year}-06-10`;
    const cell = page.getByTestId(`day-${date}`);
    const before = await cell.getAttribute('data-workday');
    assert.equal(await cell.getAttribute('data-corrected'), 'false');
    await cell.click();
    await page.waitForFunction((d) => document.querySelector(`[data-testid="day-${d}"]`)?.getAttribute('data-corrected') === 'true', date);
    assert.notEqual(await cell.getAttribute('data-workday'), before);
    await page.locator('.RaDatagrid-row').filter({ hasText: date }).waitFor();
    assert.equal((await admin.get(`/calendar-days?filter=${encodeURIComponent(JSON.stringify({ date }))}`)).length, 1);
    await shots(page, 'admin-pages-7-calendar', () => page.getByTestId(`day-${date}`).waitFor());
    await cell.click();
    await page.waitForFunction((d) => document.querySelector(`[data-testid="day-${d}"]`)?.getAttribute('data-corrected') === 'false', date);
    assert.equal(await cell.getAttribute('data-workday'), before);
    await page.locator('.RaDatagrid-row').filter({ hasText: date }).waitFor({ state: 'detached' });
    assert.equal((await admin.get(`/calendar-days?filter=${encodeURIComponent(JSON.stringify({ date }))}`)).length, 0);

    // The favicon, also where a browser asks for it unprompted.
    assert.equal((await fetch(`${base}/favicon.ico`)).status, 200);
    assert.equal((await fetch(`${base}/favicon.svg`)).status, 200);
  });
});
