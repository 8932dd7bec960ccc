// Caller-first intake (issue 14): the agent types the caller's number, picks the resident it finds (the form
// fills itself), sees the open case the call repeats and merges the new request into it in one click; a grid
// worker on a phone logs a patrol case with a photo and the device's location.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, consoleSession, login, SHOTS } from './browser.mjs';
import { PNG } from './fixtures.mjs';

describe('caller-first intake', () => {
  const session = consoleSession();

  it('finds the resident by phone, fills the form, and merges the call into the open case it repeats', async () => {
    const { page, server } = session;
    const admin = await apiAs(server.baseUrl, 'admin');
    const dispatcher = await apiAs(server.baseUrl, 'dispatcher');
    const tail = String(Date.now() % 10000).padStart(4, '0');
    const phone = `1377654${tail}`;
    const [compound] = await admin.get(`/grid-units?filter=${encodeURIComponent(JSON.stringify({ q: '小碱小区' }))}`);
    await admin.post('/residents', { name: '白玉兰', phone, gridUnitId: compound.id, address: '小碱小区5号楼2单元301', tags: ['elderly_alone'] });
    const survivor = await dispatcher.logCase(`电梯困人${tail}`);

    await login(page, server.baseUrl, 'dispatcher');
    await page.goto(`${server.baseUrl}/#/cases/create`);
    // The number first: seven digits find the resident; picking fills who and where.
    await page.locator('input[name="reporterPhone"]').fill(phone.slice(0, 7));
    const lookup = page.getByTestId('caller-lookup');
    await lookup.getByText('白玉兰').waitFor();
    await lookup.getByText(`137****${tail}`).first().waitFor();
    await lookup.locator('li', { hasText: '白玉兰' }).getByRole('button', { name: '选用' }).click();
    assert.equal(await page.locator('input[name="reporterName"]').inputValue(), '白玉兰');
    assert.equal(await page.locator('input[name="address"]').inputValue(), '小碱小区5号楼2单元301');
    await page.waitForFunction(() => /小碱小区/.test(document.querySelector('input[name="gridUnitId"]')?.value ?? ''));
    await page.getByTestId('caller-card').getByText('独居老人').waitFor();

    // The same request again: the open case shows as a possible duplicate while it is typed.
    await page.locator('input[name="title"]').fill(`电梯困人${tail}`);
    await page.getByRole('combobox', { name: '来源渠道' }).click();
    await page.getByRole('option', { name: '12345热线' }).click();
    await page.getByRole('combobox', { name: '诉求分类' }).fill('电梯');
    await page.getByRole('option', { name: /电梯/ }).first().click();
    const duplicate = page.getByTestId('duplicate').filter({ hasText: survivor.number });
    await duplicate.waitFor();
    await page.screenshot({ path: `${SHOTS}intake-caller-1400.png`, fullPage: true });

    const merged = page.waitForResponse((r) => r.url().endsWith('/api/cases/merge-intake'));
    await duplicate.getByRole('button', { name: '并入此件' }).click();
    assert.equal((await merged).status(), 201);
    // On to the surviving case, which now lists the merged request and its reporter.
    await page.waitForURL(new RegExp(`#/cases/${survivor.id}/show`));
    const list = page.getByTestId('merged-cases');
    await list.getByText('白玉兰').waitFor();
    assert.ok((await list.textContent()).includes(`137****${tail}`), 'the reporter phone masked as lists show it');
    await page.getByText('并入来件').first().waitFor();
    await page.screenshot({ path: `${SHOTS}intake-merged-survivor.png`, fullPage: true });

    // 派单 opens on the category's own unit.
    await page.getByTestId('case-actions').getByRole('button', { name: '派单', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('department-select').getByText('本类诉求的责任单位').waitFor();
    await page.screenshot({ path: `${SHOTS}intake-dispatch-preset.png` });
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('a grid worker on a phone logs a patrol case with a photo and the location, without sideways scrolling', async () => {
    const { browser, server } = session;
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      geolocation: { latitude: 36.6171, longitude: 101.7782 },
      permissions: ['geolocation'],
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    try {
      // Signed in as on the phone (the side menu, with 工作台 in it, is folded away at this width).
      await page.goto(`${server.baseUrl}/#/login`);
      await page.locator('input[name="username"]').fill('worker');
      await page.locator('input[name="password"]').fill('demo1234');
      await page.locator('button[type="submit"]').click();
      await page.waitForFunction(() => !location.hash.startsWith('#/login'));
      await page.goto(`${server.baseUrl}/#/cases/create`);
      const title = `井盖缺失${Date.now() % 100000}`;
      await page.locator('input[name="title"]').fill(title);
      await page.getByRole('combobox', { name: '来源渠道' }).click();
      await page.getByRole('option', { name: '网格巡查' }).click();
      await page.getByRole('combobox', { name: '诉求分类' }).fill('电梯');
      await page.getByRole('option', { name: /电梯/ }).first().click();
      await page.getByRole('combobox', { name: '所属网格' }).fill('康乐园');
      await page.getByRole('option', { name: /康乐园$/ }).first().click();
      await page.getByTestId('camera').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
      await page.getByTestId('photo-name').waitFor();
      await page.getByTestId('locate').click();
      await page.waitForFunction(() => document.querySelector('input[name="lat"]')?.value === '36.6171');
      assert.equal(await page.locator('input[name="lng"]').inputValue(), '101.7782');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling on the intake page');
      await page.screenshot({ path: `${SHOTS}intake-patrol-390.png`, fullPage: true });

      const saved = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
      const uploaded = page.waitForResponse((r) => /\/api\/cases\/\d+\/attachments$/.test(r.url()) && r.request().method() === 'POST');
      await page.getByRole('button', { name: '保存' }).click();
      const created = await (await saved).json();
      assert.equal((await uploaded).status(), 201);
      assert.equal(created.lat, 36.6171);
      assert.equal(created.lng, 101.7782);
      await page.getByTestId('case-number').waitFor();
      const worker = await apiAs(server.baseUrl, 'worker');
      const photos = await worker.get(`/attachments?filter=${encodeURIComponent(JSON.stringify({ caseId: created.id }))}`);
      assert.deepEqual(photos.map((a) => [a.stage, a.mimeType]), [['before', 'image/png']]);
    } finally {
      await context.close();
    }
  });
});
