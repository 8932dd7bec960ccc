import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import request from 'supertest';
import { buildWorld, type World } from './support/fixtures.js';
import { ADMIN_PASSWORD, scratchDatabase, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

const MAIN = new URL('../src/main.js', import.meta.url).pathname;

async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as { port: number };
  srv.close();
  return port;
}

/**
 * The built server as production runs it, in a process of its own, so that it can be killed as a power cut or
 * the OOM killer would: SIGKILL, no shutdown hook, no flush.
 */
async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { JWT_SECRET: TEST_JWT_SECRET, ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED: 'none', ADMIN_PASSWORD, NODE_ENV: 'test', OVERDUE_SCAN_SECONDS: '0', CONSOLE_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${out}`);
}

describe('Crash safety: a server killed in a write burst loses no acknowledged case', () => {
  let db: { url: string; drop: () => Promise<void> };
  let server: ChildProcess | undefined;
  before(async () => {
    db = await scratchDatabase();
  });
  after(async () => {
    server?.kill('SIGKILL');
    await db.drop();
  });

  it('finds every case answered 201 before a SIGKILL, each with its intake event, and the database intact', async () => {
    const port = await freePort();
    server = await startServer(db.url, port);
    const http = request(`http://127.0.0.1:${port}`);
    const client = {
      http,
      async login(username: string, password = ADMIN_PASSWORD) {
        const res = await http.post('/api/auth/login').send({ username, password });
        return res.body.token as string;
      },
    } as unknown as TestApp;
    const w: World = await buildWorld(client);
    const token = w.users.dispatcher.token;

    const acknowledged: number[] = [];
    let killed = false;
    const writer = async (n: number) => {
      for (let i = 0; !killed; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/api/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ title: `停电 ${n}-${i}`, description: '整栋楼停电', type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: w.units.compound }),
        }).catch(() => null);
        if (res?.status === 201) acknowledged.push(((await res.json()) as { id: number }).id);
        else if (res) await res.arrayBuffer();
      }
    };
    const writers = Array.from({ length: 8 }, (_, n) => writer(n));
    // Kill mid-burst, once a good number of cases is in.
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 10));
    server.kill('SIGKILL');
    killed = true;
    await once(server, 'exit');
    await Promise.all(writers);

    server = await startServer(db.url, port);
    const admin = await client.login('admin');
    const missing: number[] = [];
    for (const id of acknowledged) {
      const c = await http.get(`/api/cases/${id}`).set('Authorization', `Bearer ${admin}`);
      const events = await http.get(`/api/case-events?filter=${encodeURIComponent(JSON.stringify({ caseId: id }))}`).set('Authorization', `Bearer ${admin}`);
      if (c.status !== 200 || events.body[0]?.action !== 'create') missing.push(id);
    }
    assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged cases lost`);
    server.kill('SIGTERM');
    await once(server, 'exit');
    server = undefined;
    if (db.url.startsWith('sqlite:')) {
      const file = new Database(db.url.slice('sqlite:'.length), { readonly: true });
      assert.equal(file.pragma('integrity_check', { simple: true }), 'ok');
      file.close();
    }
  });
});
