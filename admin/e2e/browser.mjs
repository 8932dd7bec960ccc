// Debian's Chromium driven by playwright-core (no browser download), as a person would use the console.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

export async function openBrowser() {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(20_000);
  return { browser, page: await context.newPage() };
}

export async function login(page, baseUrl, username, password = 'demo1234') {
  // A fresh page load after clearing the session: nothing of the previous user's app state survives. The session
  // is cleared on a page of the same origin that runs no console script (the favicon), so that no signing out
  // of the previous page (which reloads it once the API has answered) can race this load.
  await page.goto(`${baseUrl}/favicon.svg`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  try {
    await page.getByText('工作台').first().waitFor();
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}login-failed-${username}.png` });
    throw e;
  }
}

/** Clicks an action button on the case page, fills its dialog, confirms, and waits for the new status. */
export async function act(page, label, fill = async () => {}, expectStatus) {
  await page.getByTestId('case-actions').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByTestId('action-submit').click();
  await dialog.waitFor({ state: 'detached' });
  if (expectStatus) await page.getByTestId('status').filter({ hasText: expectStatus }).waitFor();
}

/** Fills the intake form (on #/cases/create) the way the dispatcher does: channel, category and place by search. */
export async function fillCaseForm(page, { title, description }) {
  await page.locator('input[name="title"]').fill(title);
  await page.locator('textarea[name="description"]').fill(description);
  await page.getByRole('combobox', { name: '来源渠道' }).click();
  await page.getByRole('option', { name: '12345热线' }).click();
  await page.getByRole('combobox', { name: '诉求分类' }).fill('电梯');
  await page.getByRole('option', { name: /电梯/ }).first().click();
  await page.getByRole('combobox', { name: '所属网格' }).fill('小碱小区');
  await page.getByRole('option', { name: /小碱小区$/ }).first().click();
}

/** The API as one demo user, for setting the scene quickly (what the flow itself tests goes through the console). */
export async function apiAs(baseUrl, username, password = 'demo1234') {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const { token } = await login.json();
  const call = async (method, path, body) => {
    const res = await fetch(`${baseUrl}/api${path}`, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: body && JSON.stringify(body) });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const q = (filter) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    /** Logs an elevator case in 小碱小区 from the 12345 hotline, as the intake form would; `extra` adds fields (a phone). */
    async logCase(title, extra = {}) {
      const [channel] = await call('GET', `/channels?${q({ code: 'hotline_12345' })}`);
      const [category] = await call('GET', `/categories?${q({ q: '电梯' })}`);
      const [unit] = await call('GET', `/grid-units?${q({ q: '小碱小区' })}`);
      return call('POST', '/cases', { title, description: `${title}，请尽快处理`, type: 'help', channelId: channel.id, categoryId: category.id, gridUnitId: unit.id, ...extra });
    },
    /** Performs a workflow action with the case's current version. */
    async act(id, action, fields = {}) {
      const { version } = await call('GET', `/cases/${id}`);
      return call('POST', `/cases/${id}/actions/${action}`, { version, ...fields });
    },
  };
}

/** A served console and a browser for one test file, started before its tests and stopped after. */
export function consoleSession() {
  const session = {};
  before(async () => {
    session.server = await startServer();
    Object.assign(session, await openBrowser());
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/** Nothing scrolls sideways: the page is no wider than the window. */
export async function assertNoSidewaysScroll(page, where) {
  // Let late layout (chips, references) settle before measuring.
  await page.waitForTimeout(300);
  const { scroll, inner, wide } = await page.evaluate(() => {
    // A mobile browser widens its layout viewport (and innerWidth) to content that overflows: the screen is the measure.
    const inner = Math.min(window.innerWidth, window.screen.width);
    // The outermost elements that stick out, to say what to fix.
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > inner + 0.5 && !(el.parentElement?.getBoundingClientRect().right > inner + 0.5))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scroll: document.documentElement.scrollWidth, inner, wide };
  });
  assert.ok(scroll <= inner, `${where}: the page is ${scroll} px wide in a ${inner} px window: ${wide.join(', ')}`);
}
