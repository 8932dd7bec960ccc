// The console's figures: initial JavaScript (gzip), by admin/bundle-size.mjs itself; in headless Chromium (as
// admin/e2e drives it), a new user's first minute (opening `/` with no session to the login form, then signing in
// to the first row of 我的待办) and the time from opening #/cases to the first case row rendered.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { summarize } from './load.mjs';

export async function initialJs(root) {
  // bundle-size.mjs exits 1 above its budget: that is a figure here, not a failure.
  const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'admin/bundle-size.mjs')]).catch((e) => e);
  const m = /initial JS: ([\d.]+) kB gzip/.exec(stdout ?? '');
  if (!m) throw new Error(`admin/bundle-size.mjs printed no total:\n${stdout}`);
  return { kB: Number(m[1]), files: stdout.trim().split('\n').length - 1 };
}

/**
 * Signs in through the login page, then loads `#/cases` afresh `runs` times with the browser's cache
 * cleared (a first visit: every script fetched, parsed and run, then the list's request), timing each
 * until the first row of the case table is in the page.
 */
async function launch() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new user, `runs` times, each in a fresh browser context (no session, empty cache): from asking for `/` to
 * the login form on screen (`toLogin`: the frame after the form's fields entered the page, by the page's own
 * clock from navigation start; `afterLoad`: how much of it came after the page's load event), then from pressing
 * 登录 to the first case row of 我的待办 (`toTodo`).
 */
export async function coldStart(baseUrl, { runs = 5, username = 'dispatcher', password = 'demo1234' } = {}) {
  const browser = await launch();
  if (!browser) return { skipped: 'no Chromium (set CHROMIUM_PATH)' };
  const toLogin = [];
  const afterLoad = [];
  const toTodo = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 900 } });
      context.setDefaultTimeout(30_000);
      await context.addInitScript(() => {
        const painted = () => requestAnimationFrame(() => (window.__loginFormAt ??= performance.now()));
        new MutationObserver((_, observer) => {
          if (document.querySelector('input[name="username"]')) {
            observer.disconnect();
            painted();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      await page.locator('input[name="username"]').waitFor();
      await page.waitForFunction(() => window.__loginFormAt !== undefined && performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0);
      const { form, load } = await page.evaluate(() => ({ form: window.__loginFormAt, load: performance.getEntriesByType('navigation')[0].loadEventEnd }));
      toLogin.push(form);
      afterLoad.push(Math.max(0, form - load));
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(password);
      const t1 = performance.now();
      await page.locator('button[type="submit"]').click();
      await page.locator('[data-bucket] tbody tr, [data-bucket] [data-testid="case-card"]').first().waitFor();
      toTodo.push(performance.now() - t1);
      await context.close();
    }
    return { runs, username, toLogin: summarize(toLogin), afterLoad: summarize(afterLoad), toTodo: summarize(toTodo) };
  } finally {
    await browser.close();
  }
}

export async function firstList(baseUrl, { runs = 5, username = 'dispatcher', password = 'demo1234' } = {}) {
  const browser = await launch();
  if (!browser) return { skipped: 'no Chromium (set CHROMIUM_PATH)' };
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.getByText('工作台').first().waitFor();
    const cdp = await context.newCDPSession(page);
    const times = [];
    for (let i = 0; i < runs; i++) {
      await page.goto('about:blank');
      await cdp.send('Network.clearBrowserCache');
      const t0 = performance.now();
      await page.goto(`${baseUrl}/#/cases`);
      await page.locator('tbody tr', { hasText: /\d{8}-\d{4}/ }).first().waitFor();
      times.push(performance.now() - t0);
    }
    return { ...summarize(times), runs, username };
  } finally {
    await browser.close();
  }
}
