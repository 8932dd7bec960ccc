import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import request from 'supertest';
import { ADMIN_PASSWORD, TEST_JWT_SECRET, type TestApp } from './test-app.js';

const MAIN = new URL('../../src/main.js', import.meta.url).pathname;

/** A port nobody listens on now (TEST_PORT_BASE, when given, picks from there on: a session's own range). */
let nextPort = Number(process.env.TEST_PORT_BASE) || 0;
export async function freePort(): Promise<number> {
  if (nextPort) return nextPort++;
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as { port: number };
  srv.close();
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** A client for the helpers (`buildWorld`, `logCase`, `edit`) that drive an in-process app: HTTP and sign-in. */
  client: TestApp;
  /** What the server printed, for a failed assertion's message. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The built server as production runs it (`dist/src/main.js`), in a process of its own: one instance of several
 * on a database, or one to kill as a power cut would (SIGKILL, no shutdown hook, no flush).
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}, port?: number): Promise<ServerProcess> {
  port ??= await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { JWT_SECRET: TEST_JWT_SECRET, ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED: 'none', ADMIN_PASSWORD, NODE_ENV: 'test', OVERDUE_SCAN_SECONDS: '0', CONSOLE_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (i >= 600) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const http = request(base);
  const client = {
    http,
    async login(username: string, password = ADMIN_PASSWORD) {
      const res = await http.post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
  } as unknown as TestApp;
  return {
    child,
    port,
    client,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = once(child, 'exit');
      child.kill(signal);
      await gone;
    },
  };
}
