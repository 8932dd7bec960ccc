// A dispatcher logs a request and finds it in the list by its number.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { login, openBrowser, SHOTS } from './browser.mjs';
import { startServer } from './server.mjs';

describe('intake in the console', () => {
  let server;
  let browser;
  let page;
  before(async () => {
    server = await startServer();
    ({ browser, page } = await openBrowser());
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the dispatcher logs a case and finds it in the list by its number', async () => {
    await login(page, server.baseUrl, 'dispatcher');
    await page.screenshot({ path: `${SHOTS}1-dashboard.png` });

    await page.goto(`${server.baseUrl}/#/cases/create`);
    const title = `楼道灯不亮 ${Date.now() % 100000}`;
    await page.locator('input[name="title"]').fill(title);
    await page.locator('textarea[name="description"]').fill('5号楼2单元楼道灯坏了一周，老人晚上出行不便。');
    await page.getByRole('combobox', { name: '来源渠道' }).click();
    await page.getByRole('option', { name: '12345热线' }).click();
    await page.getByRole('combobox', { name: '诉求分类' }).fill('电梯');
    await page.getByRole('option', { name: /电梯/ }).first().click();
    await page.getByRole('combobox', { name: '所属网格' }).fill('小碱小区');
    await page.getByRole('option', { name: /小碱小区$/ }).first().click();
    await page.screenshot({ path: `${SHOTS}2-create.png` });
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '保存' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, `intake answered ${response.status()}: ${await response.text()}`);

    const numberEl = page.getByTestId('case-number');
    await numberEl.waitFor();
    const number = (await numberEl.textContent()).trim();
    assert.match(number, /^\d{8}-\d{4,}$/);
    await page.getByText('已受理').first().waitFor();
    await page.screenshot({ path: `${SHOTS}3-show.png` });

    await page.goto(`${server.baseUrl}/#/cases`);
    await page.locator('input[name="q"]').fill(number);
    // The search is debounced: wait until the list holds only what matches.
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    const row = page.locator('tbody tr', { hasText: number });
    await row.waitFor();
    assert.ok((await row.textContent()).includes(title));
    await page.screenshot({ path: `${SHOTS}4-list.png` });
  });
});
