// A case goes through its whole life in the console: logged, dispatched, signed for, replied with a photo, followed up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { act, apiAs, consoleSession, fillCaseForm, login, SHOTS } from './browser.mjs';
import { HUGE_PHOTO, NOT_A_PHOTO, PDF, PNG } from './fixtures.mjs';

/** The timeline as a user reads it: one entry per event, by action (the server's overdue scan may add its own). */
const timelineActions = (page) =>
  page.getByTestId('timeline').locator('li').evaluateAll((items) => items.map((li) => li.dataset.testid.replace('event-', '')).filter((a) => a !== 'overdue'));

/** A thumbnail that really shows a picture (decoded, not a broken image). */
const shownImages = (locator) => locator.evaluateAll((imgs) => imgs.filter((img) => img.complete && img.naturalWidth > 0).length);

describe('a case from intake to closing, as each role', () => {
  const session = consoleSession();

  it('dispatcher logs and dispatches, handler signs for and replies with a photo, dispatcher follows up: closed with its whole timeline', async () => {
    const { page } = session;
    const base = session.server.baseUrl;

    await login(page, base, 'dispatcher');
    await page.goto(`${base}/#/cases/create`);
    await fillCaseForm(page, { title: '5号楼电梯停运', description: '电梯停运两天，楼上有独居老人' });
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '保存' }).click();
    const created = await (await saved).json();
    const url = `${base}/#/cases/${created.id}/show`;
    await page.getByTestId('status').filter({ hasText: '已受理' }).waitFor();

    await act(page, '派单', async (d) => {
      await d.getByRole('combobox', { name: '责任单位' }).click();
      await page.getByRole('option', { name: '鑫源物业' }).click();
      await d.getByRole('combobox', { name: '经办人' }).click();
      await page.getByRole('option', { name: '刘强' }).click();
    }, '已派单');
    await page.screenshot({ path: `${SHOTS}lifecycle-1-dispatched.png` });

    await login(page, base, 'handler');
    await page.goto(url);
    await act(page, '签收', undefined, '办理中');
    await act(page, '联系群众', async (d) => d.getByLabel('说明').fill('已电话联系居民，约定明早维修'));
    await act(page, '答复', async (d) => {
      await d.getByLabel('办理结果').first().fill('已更换电梯控制板，恢复运行');
      // A file that is not a photo is refused at once, in words, before anything is sent.
      await d.getByTestId('file-input').setInputFiles(NOT_A_PHOTO);
      await d.getByTestId('file-problem').filter({ hasText: '只能上传 JPEG、PNG、GIF 或 WebP 格式的照片' }).waitFor();
      await d.getByTestId('file-input').setInputFiles({ name: '维修后.png', mimeType: 'image/png', buffer: PNG });
      await d.getByTestId('picked-file').filter({ hasText: '维修后.png' }).waitFor();
      await page.screenshot({ path: `${SHOTS}lifecycle-2-reply-with-photo.png` });
    }, '已答复');
    const after = page.getByTestId('attachments-after').getByTestId('attachment-thumb');
    await after.first().waitFor();

    await login(page, base, 'dispatcher');
    await page.goto(url);
    await act(page, '回访', async (d) => {
      await d.getByRole('combobox', { name: '问题是否解决' }).click();
      await page.getByRole('option', { name: '是' }).click();
      await d.getByRole('combobox', { name: '满意度' }).click();
      await page.getByRole('option', { name: '满意', exact: true }).click();
    }, '已办结');

    const timeline = page.getByTestId('timeline');
    await timeline.getByTestId('event-follow_up').waitFor();
    assert.deepEqual(await timelineActions(page), ['create', 'dispatch', 'accept', 'contact', 'reply', 'attach', 'follow_up']);
    // What each step says: the unit it went to, the photo with who sent it, the resident's rating.
    assert.match(await timeline.getByTestId('event-dispatch').innerText(), /派单[\s\S]*已受理 → 已派单[\s\S]*责任单位：鑫源物业/);
    assert.match(await timeline.getByTestId('event-attach').innerText(), /附件[\s\S]*刘强[\s\S]*附件类型：处理后/);
    assert.match(await timeline.getByTestId('event-follow_up').innerText(), /问题是否解决：是[\s\S]*满意度：满意/);
    await timeline.getByTestId('event-attach').getByTestId('attachment-thumb').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="attachment-thumb"]')].every((img) => img.complete && img.naturalWidth > 0));
    assert.equal(await shownImages(timeline.getByTestId('attachment-thumb')), 1);
    assert.equal(await shownImages(page.getByTestId('attachments-after').getByTestId('attachment-thumb')), 1);
    await page.getByText('已更换电梯控制板，恢复运行').first().waitFor();
    await page.screenshot({ path: `${SHOTS}lifecycle-3-closed.png`, fullPage: true });
  });

  it('the dispatcher merges a duplicate by searching for the case that carries the work', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const api = await apiAs(base, 'dispatcher');
    const carrier = await api.logCase('3号楼门口污水井冒水');
    const duplicate = await api.logCase('3号楼污水井又冒水了');

    await login(page, base, 'dispatcher');
    await page.goto(`${base}/#/cases/${duplicate.id}/show`);
    await act(page, '并案', async (d) => {
      await d.getByRole('combobox', { name: '并入工单' }).fill(carrier.number);
      const option = page.getByRole('option', { name: `${carrier.number} · ${carrier.title}` });
      await option.waitFor();
      // The case itself is never offered.
      assert.equal(await page.getByRole('option', { name: new RegExp(duplicate.number) }).count(), 0);
      await option.click();
    }, '已并案');
    assert.match(await page.getByTestId('timeline').getByTestId('event-merge').innerText(), new RegExp(`并入工单：${carrier.number}`));
  });

  it('the dispatcher adds a photo and a scanned document from the attachments panel; a file over 10 MB is refused in words', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const created = await (await apiAs(base, 'dispatcher')).logCase('7号楼楼道堆放杂物');
    await login(page, base, 'dispatcher');
    await page.goto(`${base}/#/cases/${created.id}/show`);
    const panel = page.getByTestId('attachments');
    await panel.getByText('暂无附件').waitFor();

    const upload = async (file, stage) => {
      await panel.getByRole('button', { name: '上传附件' }).click();
      const d = page.getByRole('dialog');
      await d.getByTestId('file-input').setInputFiles(HUGE_PHOTO);
      await d.getByTestId('file-problem').filter({ hasText: '文件超过 10 MB' }).waitFor();
      assert.equal(await d.getByTestId('upload-submit').isDisabled(), true);
      await d.getByTestId('file-input').setInputFiles(file);
      await d.getByTestId('picked-file').filter({ hasText: file.name }).waitFor();
      if (stage) {
        await d.getByRole('combobox', { name: '附件类型' }).click();
        await page.getByRole('option', { name: stage, exact: true }).click();
      }
      await d.getByTestId('upload-submit').click();
      await d.waitFor({ state: 'detached' });
    };
    await upload({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await upload({ name: '居民申请表.pdf', mimeType: 'application/pdf', buffer: PDF }, '材料');

    await page.getByTestId('attachments-before').getByTestId('attachment-thumb').waitFor();
    await page.getByTestId('attachments-document').getByTestId('attachment-link').filter({ hasText: '居民申请表.pdf' }).waitFor();
    await page.getByTestId('timeline').getByTestId('event-attach').nth(1).waitFor();
    assert.equal(await page.getByTestId('timeline').getByTestId('event-attach').count(), 2);
    // Uploading is not an action on the case: its status stays.
    await page.getByTestId('status').filter({ hasText: '已受理' }).waitFor();
    await page.screenshot({ path: `${SHOTS}attachments-panel.png`, fullPage: true });

    // What the server refuses (here a stand-in answer) is shown in its own words, beside our label for the field.
    await page.route('**/api/cases/*/attachments', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ message: 'Validation failed', errors: { file: 'must be a photo (JPEG, PNG, GIF, WebP) or a PDF document, judged by its content' } }) }),
    );
    await panel.getByRole('button', { name: '上传附件' }).click();
    await page.getByRole('dialog').getByTestId('file-input').setInputFiles({ name: '现场2.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('dialog').getByTestId('upload-submit').click();
    await page.getByText('附件上传失败：文件 must be a photo (JPEG, PNG, GIF, WebP) or a PDF document, judged by its content').waitFor();
    await page.unroute('**/api/cases/*/attachments');
  });
});
