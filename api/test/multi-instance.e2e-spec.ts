import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createDataSource } from '../src/database/data-source.js';
import { buildWorld, edit, logCase, type World } from './support/fixtures.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { filter, scratchDatabase } from './support/test-app.js';

const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const HOUR = 3_600_000;

/**
 * Two instances of the built API on one PostgreSQL database, as two machines would run them: their own ports and
 * data directories, attachments in the database (FILE_STORAGE=database), the same JWT_SECRET, both running the
 * overdue scan. Whatever one does, the other shows at once. SQLite is one machine's database: skipped there.
 */
describe('several instances on one PostgreSQL database: no wrong data', { skip: onPostgres ? false : 'needs PostgreSQL: run with DATABASE_URL=postgres://… (SQLite serves one machine)' }, () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: ServerProcess;
  let b: ServerProcess;
  let w: World;
  const dirs: string[] = [];
  const as = (s: ServerProcess, token: string) => ({
    get: (path: string) => s.client.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => s.client.http.post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
  // After the move below, 1号网格 and its compound are out of the dispatcher's community: later cases are logged in 2号网格.
  const inGrid2 = { gridUnitId: 0 };

  before(async () => {
    db = await scratchDatabase();
    const instance = () => {
      const dir = mkdtempSync(join(tmpdir(), 'tracker-instance-'));
      dirs.push(dir);
      return { DATA_DIR: dir, FILE_STORAGE: 'database', OVERDUE_SCAN_SECONDS: '0.5' };
    };
    // Both at once on the empty database: one migrates, the other waits for it.
    const started = await Promise.allSettled([startServer(db.url, instance()), startServer(db.url, instance())]);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      for (const s of started) if (s.status === 'fulfilled') await s.value.stop();
      throw failed.reason;
    }
    [a, b] = started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value);
    w = await buildWorld(a.client);
    inGrid2.gridUnitId = w.units.grid2;
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a token signed by one instance is accepted by the other', async () => {
    const me = await as(b, w.users.dispatcher.token).get('/auth/me');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.username, 'disp');
  });

  it('a grid moved on one is listed in its new place on the other at once, and a child or a case added through the other lands under the new path', async () => {
    const onA = as(a, w.admin);
    const onB = as(b, w.admin);
    const c = await logCase(a.client, w, w.admin, { title: '搬迁前的诉求' });
    // B has looked every place up already (whatever it may remember of them): the grid, its compound, both communities.
    for (const unitId of [w.units.grid1, w.units.compound, w.units.community]) assert.ok(ids((await onB.get(`/cases?filter=${filter({ unitId })}`)).body).includes(c.id));
    assert.ok(!ids((await onB.get(`/cases?filter=${filter({ unitId: w.units.other })}`)).body).includes(c.id));

    const moved = await edit(a.client.http, w.admin, `/grid-units/${w.units.grid1}`, { parentId: w.units.other });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));

    const inNew = await onB.get(`/cases?filter=${filter({ unitId: w.units.other })}`);
    assert.ok(ids(inNew.body).includes(c.id), 'B lists the case under the grid’s new community');
    assert.match(String(inNew.headers['content-range']), /\/1$/);
    assert.ok(!ids((await onB.get(`/cases?filter=${filter({ unitId: w.units.community })}`)).body).includes(c.id), 'and no longer under the old one');
    for (const unitId of [w.units.grid1, w.units.compound]) assert.ok(ids((await onB.get(`/cases?filter=${filter({ unitId })}`)).body).includes(c.id), `B still lists the case under unit ${unitId} itself`);

    const building = await onB.post('/grid-units', { name: '5号楼', code: 'XJ-5', level: 'building', parentId: w.units.compound });
    assert.equal(building.status, 201, JSON.stringify(building.body));
    const other = (await onA.get(`/grid-units/${w.units.other}`)).body;
    const compound = (await onA.get(`/grid-units/${w.units.compound}`)).body;
    assert.equal(compound.path.startsWith(other.path), true, `the compound moved along: ${compound.path} under ${other.path}`);
    const saved = (await onA.get(`/grid-units/${building.body.id}`)).body;
    assert.equal(saved.path, `${compound.path}${building.body.id}/`, 'the new building sits under the compound’s new path');
    assert.equal(saved.fullName, '火车站街道 / 长江路社区 / 1号网格 / 小碱小区 / 5号楼');

    const logged = await logCase(b.client, w, w.admin, { title: '搬迁后的诉求', gridUnitId: building.body.id });
    assert.ok(ids((await onA.get(`/cases?filter=${filter({ unitId: w.units.other })}`)).body).includes(logged.id), 'a case logged through B after the move is found under the new community on A');
  });

  it('cases logged through one instance while the other moves their grid back and forth are all saved under the unit as it is now', async () => {
    // grid1 sits under `other` (the test above): A moves it to `community` and back while B logs cases in its compound.
    let moving = true;
    const moves = (async () => {
      for (let i = 0; i < 8; i++) {
        const moved = await edit(a.client.http, w.admin, `/grid-units/${w.units.grid1}`, { parentId: i % 2 ? w.units.other : w.units.community });
        assert.equal(moved.status, 200, JSON.stringify(moved.body));
      }
      moving = false;
    })();
    const logged: number[] = [];
    const intakes = async () => {
      while (moving) logged.push((await logCase(b.client, w, w.admin, { title: '搬迁中的诉求' })).id);
    };
    await Promise.all([moves, ...Array.from({ length: 8 }, intakes)]);
    assert.ok(logged.length >= 16, `only ${logged.length} cases logged during the moves`);

    // Each case's copy of its unit's path, community and grid, against the tree as it is now (read in the database itself).
    const database = await createDataSource({ databaseKind: 'postgres', databaseUrl: db.url, sqlitePath: '' }).initialize();
    try {
      const rows = await database.query(`SELECT * FROM (
          SELECT c.id, c.unit_path, u.path, c.community_id, c.grid_id,
            (SELECT a.id FROM grid_units a WHERE u.path LIKE a.path || '%' AND a.level = 'community' ORDER BY length(a.path) DESC LIMIT 1) AS community,
            (SELECT a.id FROM grid_units a WHERE u.path LIKE a.path || '%' AND a.level = 'grid' ORDER BY length(a.path) DESC LIMIT 1) AS grid
          FROM cases c JOIN grid_units u ON u.id = c.grid_unit_id WHERE c.id = ANY($1::int[])) x
        WHERE unit_path <> path OR community_id IS DISTINCT FROM community OR grid_id IS DISTINCT FROM grid`, [logged]);
      assert.deepEqual(rows, [], `${rows.length} of ${logged.length} cases saved under a place their unit no longer has`);
    } finally {
      await database.destroy();
    }
  });

  it('an attachment uploaded through one instance is served by the other, and neither writes it to its own disk', async () => {
    const d = w.users.dispatcher.token;
    const c = await logCase(a.client, w, d, inGrid2);
    const up = await a.client.http.post(`/api/cases/${c.id}/attachments`).set('Authorization', `Bearer ${d}`).attach('file', PNG, '现场.png');
    assert.equal(up.status, 201, JSON.stringify(up.body));
    const body = await fetch(`http://127.0.0.1:${b.port}/api/attachments/${up.body.id}/content`, { headers: { Authorization: `Bearer ${d}` } });
    assert.equal(body.status, 200);
    assert.ok(Buffer.from(await body.arrayBuffer()).equals(PNG), 'B answers the bytes uploaded through A');
    for (const dir of dirs) assert.deepEqual(readdirSync(dir).filter((f) => f === 'attachments'), [], `nothing under ${dir}`);
  });

  it('twenty conflicting actions split across both instances: exactly one wins, the others are told it changed', async () => {
    const c = await logCase(a.client, w, w.users.dispatcher.token, inGrid2);
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as(i % 2 ? b : a, w.users.dispatcher.token).post(`/cases/${c.id}/actions/dispatch`, { version: c.version, departmentId: w.departments.property, note: `第${i}次` }),
      ),
    );
    const statuses = tries.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, `one winner: ${statuses.join(' ')}`);
    assert.equal(statuses.filter((s) => s === 409).length, 19, statuses.join(' '));
    const events = (await as(b, w.admin).get(`/case-events?filter=${filter({ caseId: c.id, action: 'dispatch' })}`)).body;
    assert.equal(events.length, 1, 'one dispatch on the timeline');
  });

  it('with both scanning, each clock that runs out is marked once', async () => {
    // 供暖 answers within 2 hours: received 2 hours less 3 seconds ago, each case goes late a few seconds from now.
    const receivedAt = new Date(Date.now() - 2 * HOUR + 3_000).toISOString();
    const cases = await Promise.all(Array.from({ length: 12 }, (_, i) => logCase(i % 2 ? b.client : a.client, w, w.users.dispatcher.token, { ...inGrid2, categoryId: w.categories.heating, title: `暖气不热 ${i}`, receivedAt })));
    const dueAt = Math.max(...cases.map((c) => new Date(c.responseDueAt).getTime()));
    const marks = async (id: number) => (await as(a, w.admin).get(`/case-events?filter=${filter({ caseId: id, action: 'overdue' })}`)).body as { data: { clock: string } }[];
    // Several passes of both instances after the last due time.
    for (let waited = 0; Date.now() < dueAt + 3_000 && waited < 30_000; waited += 250) await new Promise((r) => setTimeout(r, 250));
    for (const c of cases) {
      let m = await marks(c.id);
      for (let i = 0; m.length === 0 && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 250));
        m = await marks(c.id);
      }
      assert.deepEqual(m.map((e) => e.data.clock), ['response'], `case ${c.number}: one mark`);
    }
    const late = await as(b, w.admin).get(`/cases?filter=${filter({ overdue: true })}&range=[0,99]`);
    for (const c of cases) assert.ok(ids(late.body).includes(c.id), `${c.number} is in B's overdue list`);
  });
});
