// Starting and stopping the built API (and the bare baseline server) as child processes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { API_NODE_FLAGS, apiEnv } from '../scripts/lib.mjs';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Resident memory of a process, in MB (VmRSS), and its peak (VmHWM); split into anonymous memory (V8's heap,
 * malloc: SQLite's caches and statements, argon2) and file-backed pages (mostly the node binary's code).
 */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024, anonMB: kb('RssAnon') / 1024, fileMB: (kb('RssFile') + kb('RssShmem')) / 1024 };
}

/**
 * Spawns `node <script>` with `env` and waits until `ready()` answers true. The returned handle says
 * whether the process died under us (`assertAlive`), which fails the bench.
 */
async function startProcess(name, args, env, cwd, ready) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (d) => {
    log = (log + d).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited early (${JSON.stringify(exited)}):\n${log}`);
    if (await ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within 180 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    pid: child.pid,
    log: () => log,
    assertAlive() {
      if (exited) throw new Error(`${name} died during the bench (${JSON.stringify(exited)}):\n${log}`);
    },
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** The built API on the database at `databaseUrl`, with the bench routes, no seeding and no overdue scan. */
export async function startApi(root, databaseUrl, extraEnv = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // TRUST_PROXY: the login flood (hostile.mjs) comes from many addresses, as it would through a city's proxy.
  // One JWT_SECRET for every instance the bench starts (PostgreSQL requires one; a token works on each).
  const env = { PORT: String(port), DATABASE_URL: databaseUrl, SEED: 'none', OVERDUE_SCAN_SECONDS: '0', BENCH_ROUTES: '1', DB_LOG: 'false', TRUST_PROXY: 'true', JWT_SECRET: 'bench-only-secret', ...extraEnv };
  const proc = await startProcess('the API', [...API_NODE_FLAGS, join(root, 'api/dist/src/main.js')], apiEnv({ ...process.env, ...env }), root, async () => (await fetch(`${baseUrl}/api/health`)).ok);
  return { ...proc, baseUrl };
}

/** The machine's ceiling: a bare node:http server inserting a case (bench/bare-server.mjs, bare-server-pg.mjs). */
export async function startBare(root, { script, env }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = await startProcess('the bare server', [script], { PORT: String(port), ...env }, root, async () => (await fetch(`${baseUrl}/health`)).ok);
  return { ...proc, baseUrl };
}

/** Signs in as a demo user; returns the bearer token and the user. */
export async function login(baseUrl, username, password = 'demo1234') {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login as ${username} answered ${res.status}: ${await res.text()}`);
  const { token, user } = await res.json();
  return { token, user, headers: { Authorization: `Bearer ${token}` } };
}
