import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { buildWorld, logCase, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');

/**
 * Reports on PostgreSQL (reports/report-reader.ts): a statement past REPORT_TIMEOUT_SECONDS is stopped and
 * answered 503 in words, a report whose client has gone stops running on the database, and with
 * DATABASE_READ_URL reports read from that database. A report is held back by a lock another connection
 * keeps on the cases table, so each of these happens at a known moment. (SQLite runs a statement to its
 * end on its one connection: nothing here applies.)
 */
describe('reports and exports on PostgreSQL: statement timeout, cancelled when the client goes, read from a replica', { skip: !onPostgres && 'PostgreSQL only (DATABASE_URL=postgres://…)' }, () => {
  let t: TestApp;
  let w: World;
  let replicaApp: INestApplication;
  let baseUrl: string;
  let db: DataSource;

  /** Holds an exclusive lock on `cases` until the returned function is called. */
  async function lockCases() {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query('LOCK TABLE cases IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await runner.rollbackTransaction();
      await runner.release();
    };
  }

  /** Statements waiting on the lock, by the application name of their connection and a word of their SQL. */
  const waiting = async (app: string, like = '%measure_bits%') =>
    Number((await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query ILIKE $2 AND application_name = $1`, [app, like]))[0].n);

  before(async () => {
    if (!onPostgres) return;
    t = await startTestApp({ REPORT_TIMEOUT_SECONDS: '1' });
    w = await buildWorld(t);
    await logCase(t, w, w.admin);
    db = await new DataSource({ type: 'postgres', url: t.config.databaseUrl }).initialize();
    const read = new URL(t.config.databaseUrl);
    read.searchParams.set('application_name', 'tracker-replica');
    replicaApp = await createApp({ ...t.config, databaseReadUrl: read.toString(), reportTimeoutSeconds: 30 }, { logger: ['error'] });
    await replicaApp.listen(0, '127.0.0.1');
    baseUrl = await replicaApp.getUrl();
  });
  after(async () => {
    if (!onPostgres) return;
    await replicaApp.close();
    await db.destroy();
    await t.close();
  });

  it('a report past its time limit is stopped: 503 with Retry-After, in Chinese by default', async () => {
    const unlock = await lockCases();
    try {
      const res = await t.http.get('/api/reports/rates').set('Authorization', `Bearer ${w.admin}`);
      assert.equal(res.status, 503, JSON.stringify(res.body));
      assert.match(res.body.message, /报表计算超过 1 秒/);
      assert.ok(Number(res.headers['retry-after']) >= 1);
    } finally {
      await unlock();
    }
    assert.equal((await t.http.get('/api/reports/rates').set('Authorization', `Bearer ${w.admin}`)).status, 200, 'the next one, unhindered, answers');
  });

  it('reads from DATABASE_READ_URL, and stops reading there when its client goes away', async () => {
    const unlock = await lockCases();
    try {
      const gone = new AbortController();
      const pending = fetch(`${baseUrl}/api/reports/closure-times`, { headers: { Authorization: `Bearer ${w.admin}` }, signal: gone.signal }).catch((e: Error) => e.name);
      // The report's statement waits on the lock, on the replica's connection.
      for (let i = 0; i < 50 && (await waiting('tracker-replica')) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await waiting('tracker-replica'), 1, 'the report reads through DATABASE_READ_URL');
      gone.abort();
      assert.equal(await pending, 'AbortError');
      for (let i = 0; i < 50 && (await waiting('tracker-replica')) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await waiting('tracker-replica'), 0, 'cancelled on the database while the lock is still held');
    } finally {
      await unlock();
    }
    const res = await fetch(`${baseUrl}/api/reports/closure-times`, { headers: { Authorization: `Bearer ${w.admin}` } });
    assert.equal(res.status, 200);
  });

  it('exports read from DATABASE_READ_URL too', async () => {
    const unlock = await lockCases();
    let pending: Promise<Response> | undefined;
    try {
      pending = fetch(`${baseUrl}/api/cases.csv`, { headers: { Authorization: `Bearer ${w.admin}` } });
      for (let i = 0; i < 50 && (await waiting('tracker-replica', '%export_rows%')) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await waiting('tracker-replica', '%export_rows%'), 1, "the export's cursor is on the replica's connection");
    } finally {
      await unlock();
    }
    const res = await pending!;
    assert.equal(res.status, 200);
    assert.match(await res.text(), /楼道灯不亮/);
  });
});
