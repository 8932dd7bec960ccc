// A dispatcher answers a consultation from the knowledge base at intake: logged and closed in one step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleSession, login, SHOTS } from './browser.mjs';

describe('the knowledge base at intake', () => {
  const session = consoleSession();

  it('offers the heating-fee article for a 供暖收费 consultation, and 用此答复 closes it with the article', async () => {
    const { page, server } = session;
    await login(page, server.baseUrl, 'dispatcher');
    await page.goto(`${server.baseUrl}/#/cases/create`);
    await page.locator('input[name="title"]').fill('今年供暖费每平米多少钱');
    await page.getByRole('combobox', { name: '来源渠道' }).click();
    await page.getByRole('option', { name: '12345热线' }).click();
    await page.getByRole('combobox', { name: '诉求分类' }).fill('供暖收费');
    await page.getByRole('option', { name: /供暖收费/ }).first().click();
    await page.getByRole('combobox', { name: '所属网格' }).fill('小碱小区');
    await page.getByRole('option', { name: /小碱小区$/ }).first().click();
    const article = page.getByTestId('article').filter({ hasText: '采暖季居民供暖收费标准' });
    await article.waitFor();
    await page.screenshot({ path: `${SHOTS}knowledge-intake.png` });
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/cases/answer-intake'));
    await article.getByRole('button', { name: '用此答复' }).click();
    const res = await answered;
    assert.equal(res.status(), 201, await res.text());
    const made = await res.json();
    assert.equal(made.status, 'closed');
    assert.match(made.result, /采暖季居民供暖收费标准/);
    await page.getByTestId('case-number').waitFor();
    await page.getByText('已办结').first().waitFor();
  });
});
