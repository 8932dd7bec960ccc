// A case goes through its whole life in the console: dispatched, signed for, replied, followed up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { act, consoleSession, login, SHOTS } from './browser.mjs';

describe('a case from intake to closing, as each role', () => {
  const session = consoleSession();

  it('dispatcher dispatches, handler signs for and replies, dispatcher follows up: closed with its whole timeline', async () => {
    // Log the case through the API as the dispatcher (the intake form has its own flow).
    const token = (await (await fetch(`${session.server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: 'demo1234' }) })).json()).token;
    const get = async (path) => (await fetch(`${session.server.baseUrl}/api${path}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    const [channel] = await get(`/channels?filter=${encodeURIComponent('{"code":"hotline_12345"}')}`);
    const [category] = await get(`/categories?filter=${encodeURIComponent('{"q":"电梯"}')}`);
    const [unit] = await get(`/grid-units?filter=${encodeURIComponent('{"q":"小碱小区"}')}`);
    const res = await fetch(`${session.server.baseUrl}/api/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: '5号楼电梯停运', description: '电梯停运两天', type: 'help', channelId: channel.id, categoryId: category.id, gridUnitId: unit.id }),
    });
    assert.equal(res.status, 201);
    const created = await res.json();
    const url = `${session.server.baseUrl}/#/cases/${created.id}/show`;

    await login(session.page, session.server.baseUrl, 'dispatcher');
    await session.page.goto(url);
    await act(session.page, '派单', async (d) => {
      await d.getByRole('combobox', { name: '责任单位' }).click();
      await session.page.getByRole('option', { name: '鑫源物业' }).click();
    }, '已派单');
    await session.page.screenshot({ path: `${SHOTS}lifecycle-1-dispatched.png` });

    await login(session.page, session.server.baseUrl, 'handler');
    await session.page.goto(url);
    await act(session.page, '签收', undefined, '办理中');
    await act(session.page, '联系群众', async (d) => d.getByLabel('说明').fill('已电话联系居民，约定明早维修'));
    await act(session.page, '答复', async (d) => d.getByLabel('办理结果').first().fill('已更换电梯控制板，恢复运行'), '已答复');

    await login(session.page, session.server.baseUrl, 'dispatcher');
    await session.page.goto(url);
    await act(session.page, '回访', async (d) => {
      await d.getByRole('combobox', { name: '问题是否解决' }).click();
      await session.page.getByRole('option', { name: '是' }).click();
      await d.getByRole('combobox', { name: '满意度' }).click();
      await session.page.getByRole('option', { name: '满意', exact: true }).click();
    }, '已办结');

    const timeline = session.page.getByTestId('timeline');
    for (const step of ['受理', '派单', '签收', '联系群众', '答复', '回访']) await timeline.getByText(step, { exact: false }).first().waitFor();
    assert.equal(await timeline.locator('li').count(), 6);
    await session.page.screenshot({ path: `${SHOTS}lifecycle-2-closed.png`, fullPage: true });
  });
});
