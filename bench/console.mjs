// The console's two figures: initial JavaScript (gzip), by admin/bundle-size.mjs itself, and the time from
// opening #/cases to the first case row rendered, in headless Chromium (as admin/e2e drives it).
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
export async function firstList(baseUrl, { runs = 5, username = 'dispatcher', password = 'demo1234' } = {}) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath} (set CHROMIUM_PATH)` };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
