import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config/config.js';
import { createDataSource } from '../src/database/data-source.js';
import { verifyTimelines } from '../src/timeline/timeline-verifier.js';
import { buildWorld, logCase, type World } from './support/fixtures.js';
import { scratchDatabase, startTestApp, type TestApp } from './support/test-app.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const cliPath = (name: string) => join(import.meta.dirname, `../src/backup/${name}-cli.js`);

/** Runs `npm run backup|restore` (its built CLI) without blocking this process, which keeps serving requests meanwhile. */
function cli(name: 'backup' | 'restore', dir: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath(name), dir], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

describe('backup and restore: a backup taken while cases pour in, restored into an empty database', () => {
  let t: TestApp;
  let w: World;
  const scratch = mkdtempSync(join(tmpdir(), 'tracker-backup-'));
  const dataDir = join(scratch, 'data');
  let dropTarget = async () => {};

  before(async () => {
    t = await startTestApp({ DATA_DIR: dataDir });
    w = await buildWorld(t);
  });
  after(async () => {
    await t.close();
    await dropTarget();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('has every case acknowledged before the backup began, its photos, integrity ok and the timeline intact; refuses a database that is not empty', async () => {
    const d = w.users.dispatcher.token;
    const withPhoto = await logCase(t, w, d);
    for (let i = 0; i < 2; i++) {
      const up = await t.http.post(`/api/cases/${withPhoto.id}/attachments`).set('Authorization', `Bearer ${d}`).attach('file', PNG, `现场${i}.png`);
      assert.equal(up.status, 201, JSON.stringify(up.body));
    }

    // Eight clients logging cases without pause, until the backup is done.
    const acknowledged: number[] = [];
    let stop = false;
    let refused = 0;
    const client = async () => {
      while (!stop) {
        const res = await t.http.post('/api/cases').set('Authorization', `Bearer ${d}`).send({ title: '路灯不亮', description: '小区东门路灯不亮', type: 'help', channelId: w.channels.hotline, categoryId: w.categories.property, gridUnitId: w.units.compound });
        if (res.status === 201) acknowledged.push(res.body.id as number);
        else refused++;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    while (acknowledged.length < 50) await new Promise((r) => setTimeout(r, 20));
    const before = [withPhoto.id, ...acknowledged];
    const backupDir = join(scratch, 'backup');
    const backup = await cli('backup', backupDir, { DATABASE_URL: t.config.databaseUrl, DATA_DIR: dataDir });
    const during = acknowledged.length - (before.length - 1);
    stop = true;
    await Promise.all(clients);
    assert.equal(backup.code, 0, backup.out);
    assert.equal(refused, 0);
    assert.ok(during > 0, 'cases were still being logged while the backup ran');
    assert.match(backup.out, /timeline: intact/);

    const target = await scratchDatabase();
    dropTarget = target.drop;
    const restoredData = join(scratch, 'restored-data');
    const restore = await cli('restore', backupDir, { DATABASE_URL: target.url, DATA_DIR: restoredData });
    assert.equal(restore.code, 0, restore.out);
    assert.match(restore.out, /timeline: intact; attachments: all present/);

    const ds = await createDataSource(loadConfig({ DATABASE_URL: target.url })).initialize();
    try {
      const ids = new Set(((await ds.query('SELECT id FROM cases')) as { id: number }[]).map((r) => Number(r.id)));
      const lost = before.filter((id) => !ids.has(id));
      assert.deepEqual(lost, [], `${lost.length} of the ${before.length} cases acknowledged before the backup are missing`);
      const integrity = (await ds.query(ds.options.type === 'postgres' ? `SELECT 'ok' AS integrity_check` : 'PRAGMA integrity_check')) as { integrity_check: string }[];
      assert.deepEqual(integrity, [{ integrity_check: 'ok' }]);
      const verified = await verifyTimelines(ds.manager);
      assert.equal(verified.problems, 0, JSON.stringify(verified.findings.slice(0, 5)));
      assert.equal(verified.cases, ids.size);
      const keys = (await ds.query(`SELECT storage_key FROM attachments`)) as { storage_key: string }[];
      assert.equal(keys.length, 2);
      for (const k of keys) assert.ok(existsSync(join(restoredData, 'attachments', k.storage_key)), `${k.storage_key} restored`);
    } finally {
      await ds.destroy();
    }

    const again = await cli('restore', backupDir, { DATABASE_URL: target.url, DATA_DIR: join(scratch, 'other-data') });
    assert.equal(again.code, 2);
    assert.match(again.out, /restore refused: .*empty database/);
    const notABackup = await cli('restore', scratch, { DATABASE_URL: `sqlite:${join(scratch, 'x.sqlite')}`, DATA_DIR: join(scratch, 'x') });
    assert.equal(notABackup.code, 2);
    assert.match(notABackup.out, /holds no backup/);
  });
});

describe('backup and restore with FILE_STORAGE=database: the files travel inside the database', () => {
  let t: TestApp;
  let w: World;
  const scratch = mkdtempSync(join(tmpdir(), 'tracker-backup-db-'));
  let dropTarget = async () => {};

  before(async () => {
    t = await startTestApp({ DATA_DIR: join(scratch, 'data'), FILE_STORAGE: 'database' });
    w = await buildWorld(t);
  });
  after(async () => {
    await t.close();
    await dropTarget();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up and restores the photos with no attachments folder at all, and the restore finds them all', async () => {
    const d = w.users.dispatcher.token;
    const c = await logCase(t, w, d);
    const up = await t.http.post(`/api/cases/${c.id}/attachments`).set('Authorization', `Bearer ${d}`).attach('file', PNG, '现场.png');
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.ok(!existsSync(join(scratch, 'data', 'attachments')), 'nothing written to the data directory');

    const env = { DATABASE_URL: t.config.databaseUrl, DATA_DIR: join(scratch, 'data'), FILE_STORAGE: 'database' };
    const backup = await cli('backup', join(scratch, 'backup'), env);
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /1 attachments \(1 files, 1 of them in the database\)/);

    const target = await scratchDatabase();
    dropTarget = target.drop;
    const restore = await cli('restore', join(scratch, 'backup'), { DATABASE_URL: target.url, DATA_DIR: join(scratch, 'restored'), FILE_STORAGE: 'database' });
    assert.equal(restore.code, 0, restore.out);
    assert.match(restore.out, /attachments: all present/);
    const ds = await createDataSource(loadConfig({ DATABASE_URL: target.url })).initialize();
    try {
      const [blob] = (await ds.query(`SELECT b.bytes FROM attachment_blobs b JOIN attachments a ON a.storage_key = b.storage_key`)) as { bytes: Buffer }[];
      assert.ok(Buffer.from(blob.bytes).equals(PNG), 'the restored database holds the same bytes');
    } finally {
      await ds.destroy();
    }
  });
});
