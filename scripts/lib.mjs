// Small helpers shared by the root scripts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/**
 * How the API's Node.js runs: a bounded heap, so that garbage is collected rather than kept (a month of
 * reports for a city allocates a few hundred MB in passing; unbounded, the process kept ~450 MB resident
 * after the benchmark, bounded ~200 MB). Used by `npm start`, `npm run bench` and the API's own start script.
 */
export const API_NODE_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=8'];

/**
 * The API's environment: glibc's malloc puts blocks of 128 kB and more in mappings of their own, returned
 * on free. By default that threshold rises to the largest block freed so far, so after one report's sort
 * buffers every such block came from the main heap, which cannot shrink past a page still in use by
 * SQLite's cache. Measured on the bench database (reads, then intake), two pairs: resident 238-239 MB at
 * the end against 253-263, peak 248-250 against 259-263, intake's share of the no-op route unchanged.
 * A value set by whoever starts the API wins.
 */
export const apiEnv = (env = process.env) => ({ MALLOC_MMAP_THRESHOLD_: '131072', ...env });

/** Newest modification time of the files below a directory (0 when it does not exist). */
export function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Runs a command in the repo root, inheriting output; exits the script when it fails. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

/** Runs a command, echoing its output, and resolves with its exit code and the text it printed. */
export function capture(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      text += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

/** Builds the API and the console when their sources are newer than their builds. */
export function buildIfNeeded({ force = false } = {}) {
  const apiBuilt = join(root, 'api/dist/src/main.js');
  if (force || !existsSync(apiBuilt) || newest(join(root, 'api/src')) > statSync(apiBuilt).mtimeMs) {
    console.log('building the API…');
    run('npm', ['run', 'build', '-w', 'api']);
  }
  const adminBuilt = join(root, 'admin/dist/index.html');
  // One build makes both the console and the residents' page (admin/dist/m), so either being stale rebuilds both.
  const pageBuilt = join(root, 'admin/dist/m/index.html');
  const stale = (built, sources) => !existsSync(built) || newest(join(root, sources)) > statSync(built).mtimeMs;
  if (force || stale(adminBuilt, 'admin/src') || stale(pageBuilt, 'admin/public-page')) {
    console.log('building the console…');
    run('npm', ['run', 'build', '-w', 'admin']);
  }
}
