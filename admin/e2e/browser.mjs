// Debian's Chromium driven by playwright-core (no browser download), as a person would use the console.
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
  await page.goto(`${baseUrl}/#/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByText('工作台').first().waitFor();
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
