// The administrator hands an integrator an Open311 key: 新建 shows the key once in a dialog with 复制, the list
// shows its start, channel and limit, and 停用 (after a confirmation) stops it at once. Screenshots at 1400×900.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleSession, login, SHOTS } from './browser.mjs';

describe("the administrator's API keys", () => {
  const session = consoleSession();

  it('creates a key shown once, lists it by its start, and revokes it with a confirmation', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    await login(page, base, 'admin');
    await page.goto(`${base}/#/api-keys/create`);
    await page.locator('input[name="name"]').fill('微信小程序');
    await page.getByRole('combobox', { name: '来源渠道' }).click();
    await page.getByRole('option', { name: '微信公众号' }).click();
    await page.locator('input[name="perMinute"]').fill('30');
    await page.getByRole('button', { name: '保存' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByText('接口密钥已创建').waitFor();
    const key = await dialog.getByTestId('new-api-key').inputValue();
    assert.match(key, /^o311_[A-Za-z0-9]{32}$/);
    await dialog.getByRole('button', { name: '复制' }).click();
    await page.screenshot({ path: `${SHOTS}api-keys-1-created.png` });
    // The key works until it is revoked.
    assert.equal((await fetch(`${base}/open311/v2/services.json?api_key=${key}`)).status, 200);
    await dialog.getByRole('button', { name: '我已保存' }).click();

    const row = page.locator('tbody tr', { hasText: '微信小程序' });
    await row.waitFor();
    const text = await row.innerText();
    assert.ok(text.includes(key.slice(0, 10)) && !text.includes(key), 'the list shows the start of the key, never the key');
    assert.ok(text.includes('微信公众号') && text.includes('30'), text);
    await page.screenshot({ path: `${SHOTS}api-keys-2-list.png` });

    await row.getByRole('button', { name: '停用' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('停用接口密钥「微信小程序」').waitFor();
    await confirm.getByRole('button', { name: '确认' }).click();
    await page.getByText('接口密钥已停用').waitFor();
    await row.getByRole('button', { name: '停用' }).waitFor({ state: 'detached' });
    assert.equal((await fetch(`${base}/open311/v2/services.json?api_key=${key}`)).status, 403);
    await page.screenshot({ path: `${SHOTS}api-keys-3-revoked.png` });
  });
});
