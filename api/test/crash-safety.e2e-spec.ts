import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { buildWorld, type World } from './support/fixtures.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { scratchDatabase } from './support/test-app.js';

describe('Crash safety: a server killed in a write burst loses no acknowledged case', () => {
  let db: { url: string; drop: () => Promise<void> };
  let server: ServerProcess | undefined;
  before(async () => {
    db = await scratchDatabase();
  });
  after(async () => {
    await server?.stop('SIGKILL');
    await db.drop();
  });

  it('finds every case answered 201 before a SIGKILL, each with its intake event, and the database intact', async () => {
    server = await startServer(db.url);
    const { port, client } = server;
    const { http } = client;
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
    await server.stop('SIGKILL');
    killed = true;
    await Promise.all(writers);

    server = await startServer(db.url, {}, port);
    const admin = await client.login('admin');
    const missing: number[] = [];
    for (const id of acknowledged) {
      const c = await http.get(`/api/cases/${id}`).set('Authorization', `Bearer ${admin}`);
      const events = await http.get(`/api/case-events?filter=${encodeURIComponent(JSON.stringify({ caseId: id }))}`).set('Authorization', `Bearer ${admin}`);
      if (c.status !== 200 || events.body[0]?.action !== 'create') missing.push(id);
    }
    assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged cases lost`);
    await server.stop();
    server = undefined;
    if (db.url.startsWith('sqlite:')) {
      const file = new Database(db.url.slice('sqlite:'.length), { readonly: true });
      assert.equal(file.pragma('integrity_check', { simple: true }), 'ok');
      file.close();
    }
  });
});
