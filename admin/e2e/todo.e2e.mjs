// 我的待办: a handler finds a dispatched case under 待签收, counted in the menu badge; signed for, it moves to 待答复.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { act, apiAs, consoleSession, login, SHOTS } from './browser.mjs';

const count = async (page, bucket) => Number((await page.getByTestId(`todo-tab-${bucket}`).getByTestId('todo-count').innerText()).trim());
const badge = async (page) => Number((await page.getByTestId('todo-badge').locator('.MuiBadge-badge').innerText()).trim());

describe('my to-do list', () => {
  const session = consoleSession();

  it('the handler sees the dispatched case under 待签收 and, once signed for, under 待答复', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const dispatcher = await apiAs(base, 'dispatcher');
    const created = await dispatcher.logCase('2号楼电梯异响');
    const [unit] = await dispatcher.get(`/departments?filter=${encodeURIComponent(JSON.stringify({ q: '鑫源物业' }))}`);
    await dispatcher.act(created.id, 'dispatch', { departmentId: unit.id });

    // The handler lands on the to-do list, 我的待办 first in the menu.
    await login(page, base, 'handler');
    await page.waitForURL(/#\/todo/);
    assert.match(await page.getByRole('menuitem').first().innerText(), /我的待办/);
    const row = (bucket) => page.locator(`[data-bucket="${bucket}"] tbody tr`, { hasText: created.number });
    await page.getByTestId('todo-tab-to_sign').click();
    await row('to_sign').waitFor();
    const toSign = await count(page, 'to_sign');
    const toReply = await count(page, 'to_reply');
    assert.ok(toSign >= 1);
    // The badge counts what waits on the handler: to sign for and to reply to.
    assert.equal(await badge(page), toSign + toReply);
    await page.screenshot({ path: `${SHOTS}todo-1-to-sign.png` });

    await row('to_sign').click();
    await page.getByTestId('case-number').filter({ hasText: created.number }).waitFor();
    await act(page, '签收', undefined, '办理中');

    await page.getByRole('menuitem', { name: /我的待办/ }).click();
    await page.getByTestId('todo-tab-to_reply').click();
    await row('to_reply').waitFor();
    await page.waitForFunction(([n]) => document.querySelector('[data-testid="todo-tab-to_sign"] [data-testid="todo-count"]')?.textContent === String(n), [toSign - 1]);
    assert.equal(await count(page, 'to_reply'), toReply + 1);
    assert.equal(await badge(page), toSign + toReply);
    await page.getByTestId('todo-tab-to_sign').click();
    await page.locator('[data-bucket="to_sign"]').waitFor();
    await row('to_sign').waitFor({ state: 'detached' });
    await page.screenshot({ path: `${SHOTS}todo-2-to-reply.png` });
  });
});
