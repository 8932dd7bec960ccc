// `npm test`: every test. API unit specs and end-to-end specs on a temporary SQLite file and, when
// DATABASE_URL points at PostgreSQL, on PostgreSQL too; console unit tests and build; browser flows in
// Chromium when it is found (required under CI=true); a smoke run of the benchmark.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture, root, run } from './lib.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function count(text) {
  // node:test's closing lines, and vitest's "Tests  N passed | M failed".
  const pass = [...text.matchAll(/^# pass (\d+)/gm)].map((m) => +m[1]);
  const fail = [...text.matchAll(/^# fail (\d+)/gm)].map((m) => +m[1]);
  const skip = [...text.matchAll(/^# skipped (\d+)/gm)].map((m) => +m[1]);
  const vitest = /Tests\s+(?:(\d+) failed \| )?(\d+) passed/.exec(text.replace(/\x1b\[[0-9;]*m/g, ''));
  if (pass.length) {
    totals.passed += pass.at(-1);
    totals.failed += fail.at(-1) ?? 0;
    totals.skipped += skip.at(-1) ?? 0;
  } else if (vitest) {
    totals.passed += +vitest[2];
    totals.failed += +(vitest[1] ?? 0);
  }
}

async function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name}`);
  const { code, text } = await capture(cmd, args, { env: { ...process.env, ...env } });
  count(text);
  if (code !== 0) failures.push(name);
}

const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const sqliteEnv = { DATABASE_URL: '' };

run('npm', ['run', 'build', '-w', 'api']);
await step('API unit specs', 'npm', ['test', '-w', 'api', '--', '--unit'], sqliteEnv);
// Again on PostgreSQL: the specs of its bulk load, keyword lexemes and dialect skip themselves without it.
if (pgUrl) await step('API unit specs (PostgreSQL)', 'npm', ['test', '-w', 'api', '--', '--unit'], { DATABASE_URL: pgUrl });
await step('API end-to-end (SQLite)', 'npm', ['test', '-w', 'api', '--', '--e2e'], sqliteEnv);
if (pgUrl) await step('API end-to-end (PostgreSQL)', 'npm', ['test', '-w', 'api', '--', '--e2e'], { DATABASE_URL: pgUrl });
else console.log('\n(PostgreSQL end-to-end skipped: set DATABASE_URL=postgres://… to run it)');

await step('console unit tests', 'npm', ['test', '-w', 'admin']);
run('npm', ['run', 'build', '-w', 'admin']);

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(chromium)) {
  await step('browser flows (Chromium)', process.execPath, ['admin/e2e/run.mjs'], { ...sqliteEnv, CHROMIUM_PATH: chromium });
} else if (process.env.CI === 'true') {
  console.error(`\n✗ Chromium not found at ${chromium}: browser flows are required under CI=true`);
  failures.push('browser flows (Chromium missing)');
} else {
  console.warn(`\n!!!!!!!!\n!! Chromium not found at ${chromium}: the browser flows were SKIPPED.\n!! Install it (apt-get install chromium) or set CHROMIUM_PATH.\n!!!!!!!!`);
}

// The benchmark in its smallest form (2,000 cases, 1 s per figure, about a minute): not its figures, which
// `npm run bench` is for, but that it still runs end to end against the built API and console.
await step('benchmark smoke run', process.execPath, ['scripts/bench.mjs', '--smoke', '--out', join(tmpdir(), `bench-smoke-${process.pid}.json`)], sqliteEnv);

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
if (failures.length) {
  console.error(`failed: ${failures.join('; ')}`);
  process.exit(1);
}
void root;
