// The supervisor's console: the dashboard's figures open the cases they count, the reports rank the communities and
// drill into a rate's cases, the case list exports to Excel, and the daily report reads as it is published.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { apiAs, consoleSession, login, SHOTS } from './browser.mjs';

/** The date in Shanghai, as the server counts days. */
const shanghaiDate = (d = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const shanghaiHour = (d = new Date()) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(d));
const chineseDate = (date) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The case list's total, from its pagination line "第 1-25 条，共 38 条" (or the rows, when there is one page). */
async function listTotal(page) {
  await page.locator('.RaList-main').waitFor();
  await page.waitForFunction(() => !document.querySelector('.RaList-main .MuiLinearProgress-root'));
  const info = page.locator('.MuiTablePagination-displayedRows');
  if (await info.count()) {
    const m = /共\s*(\d+)\s*条/.exec(await info.innerText());
    if (m) return Number(m[1]);
  }
  return page.locator('.RaList-main tbody tr').count();
}

/** The list total once the list shows the filter from the address. */
async function totalOf(page, expected) {
  await page.waitForFunction(
    (n) => {
      const text = document.querySelector('.MuiTablePagination-displayedRows')?.textContent ?? '';
      return new RegExp(`共\\s*${n}\\s*条`).test(text) || document.querySelectorAll('.RaList-main tbody tr').length === n;
    },
    expected,
    { timeout: 20_000 },
  ).catch(() => {});
  return listTotal(page);
}

describe("the supervisor's console", () => {
  const session = consoleSession();

  it('dashboard figures open their cases; reports rank the communities, export, and drill into a rate; the list exports to Excel', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const supervisor = await apiAs(base, 'supervisor');

    await login(page, base, 'supervisor');
    await page.getByTestId('trend').locator('svg').first().waitFor();
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid="figure-overdue"]')?.textContent ?? ''));
    const overdue = Number(await page.getByTestId('figure-overdue').innerText());
    assert.ok(overdue > 0, 'the demo data has overdue cases');
    await page.getByTestId('most-overdue').getByTestId('overdue-case').first().waitFor();
    await page.screenshot({ path: `${SHOTS}supervisor-1-dashboard.png`, fullPage: true });

    // The overdue figure opens exactly the cases it counts.
    await page.getByTestId('figure-overdue-link').click();
    await page.waitForURL(/#\/cases\?/);
    assert.equal(await totalOf(page, overdue), overdue);
    await page.screenshot({ path: `${SHOTS}supervisor-2-overdue-list.png` });

    // 统计报表: one row per community of the supervisor's subdistrict, as the API counts them.
    const expected = await supervisor.get('/reports/rates');
    await page.getByRole('menuitem', { name: '统计报表' }).click();
    await page.getByTestId('closure-table').waitFor();
    await page.getByTestId('report-tab-rates').click();
    const table = page.getByTestId('rates-table');
    await table.waitFor();
    const names = await table.getByTestId('report-row').locator('td:nth-child(2)').allInnerTexts();
    assert.deepEqual(names.sort(), expected.rows.map((r) => r.name).sort());
    assert.ok(names.includes('黄河路社区'));
    await page.waitForTimeout(500); // the chart chunk
    await page.screenshot({ path: `${SHOTS}supervisor-3-rates.png`, fullPage: true });

    // The report itself as an Excel file, under the server's name.
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    assert.match(report.suggestedFilename(), /^三率.*\.xlsx$/);
    assert.ok(statSync(await report.path()).size > 0);

    // The response rate of 黄河路社区 drills into the cases responded on time: as many as its numerator.
    const row = table.getByTestId('report-row').filter({ hasText: '黄河路社区' });
    const cell = row.locator('[data-rate="responseRate"]');
    const numerator = Number(await cell.getAttribute('data-numerator'));
    const api = expected.rows.find((r) => r.name === '黄河路社区');
    assert.equal(numerator, api.respondedOnTime);
    assert.ok(numerator > 0);
    await cell.getByTestId('responseRate').click();
    await page.waitForURL(/#\/cases\?/);
    await page.getByTestId('drill-banner').filter({ hasText: '按时响应' }).filter({ hasText: '社区：黄河路社区' }).waitFor();
    assert.equal(await totalOf(page, numerator), numerator);
    await page.screenshot({ path: `${SHOTS}supervisor-4-drill.png` });

    // Those cases as an Excel file for the ledger: a download with an .xlsx name and some bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    assert.ok(statSync(await download.path()).size > 0);
  });

  it('the daily report starts with the date, and its figures open their cases', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const supervisor = await apiAs(base, 'supervisor');

    await page.getByRole('menuitem', { name: '日报' }).click();
    // It opens on yesterday until 18:00 (DAILY_REPORT_HOUR) in Shanghai, on today from then on.
    const today = shanghaiDate();
    const yesterday = shanghaiDate(new Date(Date.now() - 86_400_000));
    const opensOn = shanghaiHour() < 18 ? yesterday : today;
    await page.waitForFunction((d) => document.querySelector('[data-testid="daily-date"]')?.value === d, opensOn);
    await page.waitForFunction((d) => document.querySelector('[data-testid="daily-text"]')?.value?.startsWith(d), chineseDate(opensOn));
    assert.ok((await page.getByTestId('daily-text').inputValue()).startsWith(`${chineseDate(opensOn)}，12345政务服务便民热线接听群众来电诉求`));

    // Yesterday was a whole day of the demo's intake.
    const report = await supervisor.get(`/reports/daily?date=${yesterday}`);
    await page.getByTestId('daily-date').fill(yesterday);
    await page.waitForFunction((d) => document.querySelector('[data-testid="daily-text"]')?.value?.startsWith(d), chineseDate(yesterday));
    assert.equal(await page.getByTestId('daily-text').inputValue(), report.text);
    // 复制 puts the text on the clipboard, ready for the group chat.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.getByTestId('daily-copy').click();
    await page.getByText('日报正文已复制').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), report.text);
    await page.screenshot({ path: `${SHOTS}supervisor-5-daily.png`, fullPage: true });

    // The calls figure opens that day's hotline cases.
    assert.ok(report.calls > 0);
    await page.getByTestId('daily-intake').getByTestId('daily-row').first().locator('a').click();
    await page.waitForURL(/#\/cases\?/);
    assert.equal(await totalOf(page, report.calls), report.calls);

    // The first hot topic opens that day's hotline and online cases of its category, sub-categories included.
    await page.goBack();
    const topic = report.hotTopics[0];
    assert.ok(topic, 'the demo day has hot topics');
    await page.getByTestId('daily-hot-topics').getByTestId('daily-row').first().locator('a').last().click();
    await page.waitForURL(/#\/cases\?/);
    assert.equal(await totalOf(page, topic.count), topic.count);
  });
});
