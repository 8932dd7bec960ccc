// Fair clocks in the console: a pause asked, approved and resumed; a return overruled; an appeal upheld.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { act, apiAs, assertNoSidewaysScroll, consoleSession, login, SHOTS } from './browser.mjs';

describe('pauses, return rulings and appeals, as each role', () => {
  const session = consoleSession();
  /** A case of 鑫源物业 (the demo handler's unit), dispatched and, unless said otherwise, signed for. */
  const unitCase = async (title, { accept = true } = {}) => {
    const base = session.server.baseUrl;
    const dispatcher = await apiAs(base, 'dispatcher');
    const [unit] = await dispatcher.get(`/departments?filter=${encodeURIComponent(JSON.stringify({ q: '鑫源物业' }))}`);
    const c = await dispatcher.logCase(title);
    await dispatcher.act(c.id, 'dispatch', { departmentId: unit.id });
    if (accept) await (await apiAs(base, 'handler')).act(c.id, 'accept');
    return c;
  };
  const badge = (page) => page.getByTestId('due-badge').first();
  /** A supervisor's ruling: the dialog shows what is ruled on (the request) before it is confirmed. */
  const rule = async (page, button, asked) => {
    await page.getByTestId('case-actions').getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('ruling-request').filter({ hasText: asked }).waitFor();
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('the handler asks to pause, the supervisor approves with the request in front of them, the handler resumes', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const c = await unitCase('3号楼外墙脱落待鉴定');
    const url = `${base}/#/cases/${c.id}/show`;
    await login(page, base, 'handler');
    await page.goto(url);
    await act(page, '申请挂起', async (d) => {
      await d.getByRole('combobox', { name: '原因' }).click();
      await page.getByRole('option', { name: '等待第三方' }).click();
      await d.getByLabel('说明').fill('等待房屋安全鉴定中心出具报告');
    });
    await login(page, base, 'supervisor');
    await page.goto(url);
    await rule(page, '批准挂起', '等待第三方');
    await badge(page).filter({ hasText: '已挂起' }).waitFor();
    await page.getByTestId('clock-ledger').filter({ hasText: '办结时限' }).waitFor();
    await page.screenshot({ path: `${SHOTS}fair-paused-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await badge(page).filter({ hasText: '已挂起' }).waitFor();
    await assertNoSidewaysScroll(page, 'a paused case on a phone');
    await page.screenshot({ path: `${SHOTS}fair-paused-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    await login(page, base, 'handler');
    await page.goto(url);
    await act(page, '恢复办理');
    await page.getByTestId('event-resume').waitFor();
    assert.ok(!(await badge(page).innerText()).includes('已挂起'));
  });

  it('the supervisor overrules a return: the case goes back to the unit that sent it', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const c = await unitCase('楼道堆放杂物', { accept: false });
    await (await apiAs(base, 'handler')).act(c.id, 'return', { reason: 'not_our_duty' });
    await login(page, base, 'supervisor');
    await page.goto(`${base}/#/cases/${c.id}/show`);
    await act(page, '驳回退单', async (d) => {
      await d.getByLabel('说明').fill('楼道属于物业管理区域');
    }, '已派单');
  });

  it('the unit appeals an unsatisfied rating, the supervisor upholds it; the rates show the adjusted figure', async () => {
    const { page } = session;
    const base = session.server.baseUrl;
    const c = await unitCase('小区门禁损坏');
    await (await apiAs(base, 'handler')).act(c.id, 'reply', { result: '已更换门禁读卡器' });
    await (await apiAs(base, 'dispatcher')).act(c.id, 'follow_up', { resolved: false, satisfaction: 'unsatisfied' });
    const url = `${base}/#/cases/${c.id}/show`;
    await login(page, base, 'handler');
    await page.goto(url);
    await act(page, '申诉', async (d) => {
      await d.getByRole('combobox', { name: '原因' }).click();
      await page.getByRole('option', { name: '无法联系群众' }).click();
      await d.getByLabel('说明').fill('回访电话三次无人接听，已留存通话记录');
    });
    await login(page, base, 'supervisor');
    await page.goto(url);
    await rule(page, '申诉成立', '无法联系群众');
    await page.getByTestId('event-uphold_appeal').waitFor();
    const supervisor = await apiAs(base, 'supervisor');
    const rates = await supervisor.get('/reports/rates?groupBy=department');
    assert.ok(rates.total.followUpsExcused >= 1, JSON.stringify(rates.total));
    await page.goto(`${base}/#/reports?groupBy=department&tab=rates`);
    await page.getByTestId('adjusted').first().waitFor();
    await page.screenshot({ path: `${SHOTS}fair-rates.png`, fullPage: true });
  });
});
