// Editing a record in the console while someone else saves it first: the console sends the version it read, so
// the later save is refused, and says so in Chinese, instead of silently overwriting the other change. A record
// that cases use cannot be deleted, and the console says how many cases use it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, consoleSession, login, SHOTS } from './browser.mjs';

describe('editing records that others edit too', () => {
  const session = consoleSession();

  it('a save from the version read works; one that someone else beat says 该记录已被他人修改 and changes nothing', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const admin = await apiAs(base, 'admin');
    const [channel] = await admin.get(`/channels?filter=${encodeURIComponent(JSON.stringify({ code: 'window' }))}`);
    assert.ok(channel, 'the demo has a 窗口 channel');
    await login(page, base, 'admin');

    // A plain edit, as the console makes it (the whole record, its version included).
    await page.goto(`${base}/#/channels/${channel.id}`);
    const name = page.locator('input[name="name"]');
    await name.fill('一站式服务窗口');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/channels$/);
    const saved = await admin.get(`/channels/${channel.id}`);
    assert.equal(saved.name, '一站式服务窗口');
    assert.equal(saved.version, channel.version + 1);

    // Open the form; someone else saves meanwhile; then this save is refused with the console's sentence.
    // The form's own read must be done before the other save, or the form would simply show the newer record.
    // A fresh page: the console keeps the record it just saved and would not ask for it again on its own.
    const read = page.waitForResponse((r) => r.url().endsWith(`/api/channels/${channel.id}`) && r.request().method() === 'GET');
    await page.goto(`${base}/#/channels/${channel.id}`);
    await page.reload();
    await read;
    await name.waitFor();
    await admin.put(`/channels/${channel.id}`, { sort: 7, version: saved.version });
    await name.fill('便民服务窗口');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.MuiSnackbarContent-message').filter({ hasText: '该记录已被他人修改，请刷新后重试' }).waitFor();
    await page.screenshot({ path: `${SHOTS}record-edit-1-stale.png` });
    const now = await admin.get(`/channels/${channel.id}`);
    assert.equal(now.name, '一站式服务窗口', 'the other save stands');
    assert.equal(now.sort, 7);
  });

  it('deleting a category that cases use is refused, naming how many cases use it', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const admin = await apiAs(base, 'admin');
    const [category] = await admin.get(`/categories?filter=${encodeURIComponent(JSON.stringify({ q: '电梯' }))}`);
    await page.goto(`${base}/#/categories/${category.id}`);
    await page.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.locator('.MuiSnackbarContent-message').filter({ hasText: /还有 \d+ 件诉求使用该诉求分类，不能删除/ }).waitFor();
    assert.equal((await admin.get(`/categories/${category.id}`)).id, category.id, 'still there');
  });
});
