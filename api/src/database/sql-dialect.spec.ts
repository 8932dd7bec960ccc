/**
 * The dialects' spellings give the same answers on their engines: here, `concatBytes` gives back every byte
 * of every value, in order (hot spots read a spot's stored case ids through it). SQLite in memory always;
 * PostgreSQL when DATABASE_URL names one (a temporary table, gone with the connection).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { POSTGRES_DIALECT, SQLITE_DIALECT } from './sql-dialect.js';

const URL = process.env.DATABASE_URL ?? '';
/** Values with the bytes text would trip on: NUL, lone continuation bytes, 0xff, and empty values. */
const values = fc.array(fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)), { maxLength: 30 });
/** Inserted in a shuffled order, concatenated by `k`: the answer is the values in their given order. */
const shuffled = (bs: Buffer[], seed: number) => bs.map((b, k) => ({ k, b })).sort((x, y) => ((x.k * 7919 + seed) % 101) - ((y.k * 7919 + seed) % 101));

describe('SqlDialect.concatBytes', () => {
  it('SQLite: every byte back, in order', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (k integer, b blob)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    const read = db.prepare(`SELECT ${SQLITE_DIALECT.concatBytes('b', 'k')} AS c FROM t`);
    fc.assert(
      fc.property(values, fc.nat(1000), (bs, seed) => {
        db.exec('DELETE FROM t');
        for (const { k, b } of shuffled(bs, seed)) insert.run(k, b);
        const { c } = read.get() as { c: Buffer | null };
        assert.deepEqual(Buffer.from(c ?? []), Buffer.concat(bs));
      }),
      { numRuns: 200 },
    );
  });

  it('PostgreSQL: every byte back, in order', { skip: !URL.startsWith('postgres') && 'DATABASE_URL is not PostgreSQL' }, async () => {
    const ds = await new DataSource({ type: 'postgres', url: URL }).initialize();
    // One connection throughout: the temporary table is the session's.
    const runner = ds.createQueryRunner();
    try {
      await runner.query('CREATE TEMPORARY TABLE t (k integer, b bytea)');
      await fc.assert(
        fc.asyncProperty(values, fc.nat(1000), async (bs, seed) => {
          await runner.query('DELETE FROM t');
          const rows = shuffled(bs, seed);
          await runner.query('INSERT INTO t SELECT * FROM unnest($1::integer[], $2::bytea[])', [rows.map((r) => r.k), rows.map((r) => r.b)]);
          const [{ c }] = await runner.query(`SELECT ${POSTGRES_DIALECT.concatBytes('b', 'k')} AS c FROM t`);
          assert.deepEqual(Buffer.from(c ?? []), Buffer.concat(bs));
        }),
        { numRuns: 100 },
      );
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });
});
