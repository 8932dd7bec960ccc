// 未诉先办 in the console: a grid worker's visits in their to-do (a problem found logged as a case), the watch list (a
// caller asking again and again) and 每月一题, on a desk and on a phone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, assertNoSidewaysScroll, consoleSession, login, SHOTS } from './browser.mjs';

describe('the watch list and the issue of the month', () => {
  const session = consoleSession();

  it('a grid worker finds a household due a visit in 我的待办, records the visit and logs the problem found as a 网格巡查 case', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const worker = await apiAs(base, 'worker');
    const me = await worker.get('/auth/me');
    // A household in the worker's grid, never visited nor heard from: due at once.
    const household = await (await apiAs(base, 'admin')).post('/residents', { name: '孙大爷', phone: '13700001234', gridUnitId: me.scopeUnitId, address: '5号楼1单元102', tags: ['elderly_alone'] });
    await login(page, base, 'worker');
    await page.goto(`${base}/#/todo`);
    await page.getByTestId('todo-tab-visits').click();
    const card = page.getByTestId('due-household').filter({ hasText: '孙大爷' });
    await card.getByRole('button', { name: '记录走访' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('走访情况').fill('老人反映楼道扶手松动，上下楼不安全');
    await dialog.getByTestId('visit-log-case').click();
    await dialog.getByLabel('诉求标题').fill('5号楼楼道扶手松动');
    await dialog.getByTestId('visit-category').click();
    await page.getByRole('option').first().click();
    await dialog.getByTestId('visit-save').click();
    await dialog.waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });
    const [visit] = await worker.get(`/visits?filter=${encodeURIComponent(JSON.stringify({ residentId: household.id }))}`);
    assert.ok(visit.caseId, 'the visit names the case logged from it');
    const logged = await worker.get(`/cases/${visit.caseId}`);
    assert.equal(logged.title, '5号楼楼道扶手松动');
    const [patrol] = await worker.get(`/channels?filter=${encodeURIComponent(JSON.stringify({ code: 'patrol' }))}`);
    assert.equal(logged.channelId, patrol.id);
    assert.equal(logged.residentId, household.id);
  });

  it('a supervisor finds the caller who asked eight times, masked, and opens one of the requests; the compound opens its cases', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const dispatcher = await apiAs(base, 'dispatcher');
    const logged = [];
    for (let i = 1; i <= 8; i++) logged.push(await dispatcher.logCase(`3号楼电梯又停了（第${i}次）`, { reporterPhone: '13966668888', reporterName: '钱女士' }));
    await login(page, base, 'supervisor');
    await page.getByRole('menuitem', { name: '关注名单' }).click();
    const card = page.getByTestId('watch-repeat').filter({ hasText: '139****8888' });
    await card.filter({ hasText: '8 件' }).waitFor();
    assert.ok(!(await page.content()).includes('13966668888'), 'the full number is never on the page');
    await page.screenshot({ path: `${SHOTS}watch-list-desktop.png`, fullPage: true });
    await card.getByRole('link', { name: logged.at(-1).number }).click();
    await page.waitForURL(new RegExp(`/cases/${logged.at(-1).id}/show`));
    await page.getByText('3号楼电梯又停了（第8次）').first().waitFor();

    await page.goBack();
    const compound = page.getByTestId('watch-compound').filter({ hasText: '小碱小区' }).first();
    await compound.waitFor();
    await compound.getByTestId('watch-compound-cases').click();
    await page.waitForURL(/#\/cases\?/);
  });

  it('每月一题 names each community’s first issue with six months of bars; both pages fit a phone', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    await login(page, base, 'supervisor');
    await page.getByRole('menuitem', { name: '每月一题' }).click();
    const issue = page.getByTestId('monthly-issue').first();
    await issue.waitFor();
    assert.equal(await issue.getByTestId('monthly-trend').locator(':scope > *').count(), 6);
    assert.match(await issue.getByTestId('monthly-on-top').innerText(), /居首/);
    await page.screenshot({ path: `${SHOTS}monthly-issues-desktop.png`, fullPage: true });
    // The month before: its bars end a month earlier.
    const last = async () => (await page.getByTestId('monthly-issue').first().getByTestId('monthly-trend').locator(':scope > *').last().innerText()).trim();
    const now = await last();
    await page.getByTestId('monthly-month').getByRole('combobox').click();
    await page.getByRole('option').nth(1).click();
    const expected = `${((Number(now.replace('月', '')) + 10) % 12) + 1}月`;
    await page.waitForFunction((want) => document.querySelector('[data-testid="monthly-trend"]')?.lastElementChild?.textContent?.trim() === want, expected);

    await login(page, base, 'dispatcher');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/#/monthly-issues`);
      await page.getByTestId('monthly-issue').first().waitFor();
      await assertNoSidewaysScroll(page, '每月一题 on a phone');
      await page.screenshot({ path: `${SHOTS}monthly-issues-phone.png`, fullPage: true });
      await page.goto(`${base}/#/watch-list`);
      await page.getByTestId('watch-repeat').first().waitFor();
      await assertNoSidewaysScroll(page, 'the watch list on a phone');
      await page.screenshot({ path: `${SHOTS}watch-list-phone.png`, fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });
});
