// A dispatcher logs a request and finds it in the list by its number.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleSession, fillCaseForm, login, SHOTS } from './browser.mjs';

describe('intake in the console', () => {
  const session = consoleSession();

  it('the dispatcher logs a case and finds it in the list by its number', async () => {
    await login(session.page, session.server.baseUrl, 'dispatcher');
    await session.page.screenshot({ path: `${SHOTS}1-home-todo.png` });

    await session.page.goto(`${session.server.baseUrl}/#/cases/create`);
    const title = `楼道灯不亮 ${Date.now() % 100000}`;
    await fillCaseForm(session.page, { title, description: '5号楼2单元楼道灯坏了一周，老人晚上出行不便。' });
    await session.page.screenshot({ path: `${SHOTS}2-create.png` });
    const saved = session.page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await session.page.getByRole('button', { name: '保存' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, `intake answered ${response.status()}: ${await response.text()}`);

    const numberEl = session.page.getByTestId('case-number');
    await numberEl.waitFor();
    const number = (await numberEl.textContent()).trim();
    assert.match(number, /^\d{8}-\d{4,}$/);
    await session.page.getByText('已受理').first().waitFor();
    await session.page.screenshot({ path: `${SHOTS}3-show.png` });

    await session.page.goto(`${session.server.baseUrl}/#/cases`);
    await session.page.locator('input[name="q"]').fill(number);
    // The search is debounced: wait until the list holds only what matches.
    await session.page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    const row = session.page.locator('tbody tr', { hasText: number });
    await row.waitFor();
    assert.ok((await row.textContent()).includes(title));
    await session.page.screenshot({ path: `${SHOTS}4-list.png` });
  });
});
