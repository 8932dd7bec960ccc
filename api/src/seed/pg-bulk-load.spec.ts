/**
 * PostgreSQL's bulk load suspends the cases' insert triggers and does their work once at the end
 * (pg-bulk-session.ts): what it leaves must be what the triggers would have left, into a database that
 * already holds cases, and after a load that was stopped or failed half-way. Runs when DATABASE_URL
 * names a PostgreSQL server (a scratch database of its own is created there and dropped).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { measureBitsSql } from '../cases/case-measures.js';
import { SEARCHABLE_COLUMNS, type SearchableCase } from '../cases/case-search.js';
import { createDataSource } from '../database/data-source.js';
import { migrate } from '../database/database.module.js';
import { ROLLUP_COLUMNS } from '../reports/rollups/rollup-columns.js';
import { tsvectorOf } from '../search/postgres-keyword-index.js';
import { verifyTimelines } from '../timeline/timeline-verifier.js';
import { generateCases } from './case-generator.js';
import { GenerationStopped } from './case-stream.js';
import { seedDemo } from './demo-seed.js';

const BASE = process.env.DATABASE_URL ?? '';
const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-10-15T10:30:00+08:00');
const load = (ds: DataSource, count: number, seed: number, more: { signal?: AbortSignal; onProgress?: (n: number) => void; worker?: boolean } = {}) =>
  generateCases(ds, { count, days: 60, timeZone: TZ, now: NOW, seed, bulk: true, worker: false, ...more });

/**
 * What the schema holds on `cases` and the tables the load fills, as the load must leave it. An index
 * rebuilt from its definition reads its predicate back in an equivalent spelling (casts placed
 * otherwise): compared up to its WHERE, and whether it has one.
 */
const schema = (ds: DataSource) =>
  Promise.all([
    ds.query(`SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'cases'::regclass AND NOT tgisinternal ORDER BY 1`),
    ds.query(
      `SELECT indexname, split_part(indexdef, ' WHERE ', 1) AS def, indexdef LIKE '% WHERE %' AS partial FROM pg_indexes WHERE tablename IN ('cases', 'case_events', 'case_chains', 'case_search') ORDER BY 1`,
    ),
    ds.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid IN ('cases'::regclass, 'case_events'::regclass, 'case_chains'::regclass, 'case_search'::regclass) ORDER BY 1`),
  ]);

/** Rows of a rollup table and its appended changes summed per key where any sum is not zero. */
const unbalanced = (table: string, key: string, sums: string[]) =>
  `SELECT ${key} FROM (SELECT * FROM "${table}" UNION ALL SELECT * FROM "${table.replace('rollups', 'rollup_deltas')}") r GROUP BY ${key} ` +
  `HAVING ${sums.map((c) => (c === 'hours_sum' ? `ABS(SUM("${c}")) > 1e-6` : `SUM("${c}") <> 0`)).join(' OR ')}`;

/** Everything the suspended triggers keep, checked against the cases themselves. */
async function assertAsIfTriggersRan(ds: DataSource, cases: number) {
  assert.equal(Number((await ds.query('SELECT count(*) AS n FROM cases'))[0].n), cases);
  // Tallies: each (unit, department, status, overdue) counts its cases (stripes summed).
  const tallies = await ds.query(
    `SELECT * FROM (SELECT grid_unit_id, department_id, status, overdue, SUM(n)::int AS n FROM case_tallies GROUP BY 1, 2, 3, 4 HAVING SUM(n) <> 0) t
     FULL JOIN (SELECT grid_unit_id, COALESCE(department_id, 0) AS department_id, status, overdue, COUNT(*)::int AS n FROM cases GROUP BY 1, 2, 3, 4) c USING (grid_unit_id, department_id, status, overdue)
     WHERE t.n IS DISTINCT FROM c.n`,
  );
  assert.deepEqual(tallies, []);
  assert.equal(Number((await ds.query(`SELECT count(*) AS n FROM cases c WHERE measure_bits IS DISTINCT FROM (${measureBitsSql('postgres', 'c.')})`))[0].n), 0);
  // The keyword index: each case's entry as intake writes it.
  const searchable: (SearchableCase & { id: number })[] = await ds.query(`SELECT ${SEARCHABLE_COLUMNS} FROM cases ORDER BY id`);
  const [entries] = await ds.query(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE s.doc IS DISTINCT FROM u.doc::tsvector)::int AS wrong FROM unnest($1::int[], $2::text[]) u(id, doc) LEFT JOIN case_search s ON s.case_id = u.id`,
    [searchable.map((c) => c.id), searchable.map(tsvectorOf)],
  );
  assert.deepEqual(entries, { n: cases, wrong: 0 });
  const timeline = await verifyTimelines(ds.manager);
  assert.deepEqual({ cases: timeline.cases, problems: timeline.problems }, { cases, problems: 0 });
  // The rollups and the keyword counts hold exactly the cases as the triggers count them: deleting every case through the
  // triggers (which subtract each one's rows) leaves every key at zero.
  const runner = ds.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query('DELETE FROM case_events');
    await runner.query('UPDATE cases SET parent_case_id = NULL WHERE parent_case_id IS NOT NULL');
    await runner.query('DELETE FROM cases');
    assert.deepEqual(await runner.query(unbalanced('case_rollups', 'dim, day, place_id, value', ROLLUP_COLUMNS)), []);
    assert.deepEqual(await runner.query(unbalanced('case_closure_rollups', 'dim, month, place_id, value, hours_bucket, workdays', ['n', 'on_time', 'hours_sum'])), []);
    // The keyword counts too (the entries go with their cases; their delete trigger subtracts every counted lexeme).
    assert.deepEqual(await runner.query(`SELECT token, unit_id, n FROM case_search_counts WHERE n <> 0 LIMIT 5`), []);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('PostgreSQL bulk load', { skip: !BASE.startsWith('postgres') && 'PostgreSQL only (DATABASE_URL)' }, () => {
  // Named after DATABASE_URL's database, whose owner may create only names that start with it.
  const name = `${BASE.startsWith('postgres') ? new URL(BASE).pathname.slice(1) || 'postgres' : ''}_bulk_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  let ds: DataSource;

  before(async () => {
    const admin = await new DataSource({ type: 'postgres', url: BASE }).initialize();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.destroy();
    const url = new URL(BASE);
    url.pathname = `/${name}`;
    ds = createDataSource({ databaseKind: 'postgres', databaseUrl: url.toString(), sqlitePath: '' });
    await ds.initialize();
    await migrate(ds);
    await seedDemo(ds, { timeZone: TZ, now: NOW, cases: 0, days: 30 });
  });
  after(async () => {
    await ds?.destroy();
    const admin = await new DataSource({ type: 'postgres', url: BASE }).initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.destroy();
  });

  it('leaves what the triggers would, loading onto cases already there', async () => {
    const before = await schema(ds);
    await load(ds, 700, 31);
    // More than there is: the load suspends the triggers again, over 700 cases counted already; this one
    // through the workers (the keyword entries made by the second, keyword-worker.ts).
    await load(ds, 2500, 32, { worker: true });
    assert.deepEqual(await schema(ds), before);
    await assertAsIfTriggersRan(ds, 3200);
  });

  it('leaves what the triggers would after a load that stopped or failed half-way, and the next one', async () => {
    const before = await schema(ds);
    const stop = new AbortController();
    await assert.rejects(load(ds, 6000, 33, { signal: stop.signal, onProgress: (n) => n >= 1500 && stop.abort() }), GenerationStopped);
    const kept = Number((await ds.query('SELECT count(*) AS n FROM cases'))[0].n);
    assert.ok(kept > 3200 + 1000 && kept < 3200 + 6000, `${kept - 3200} cases kept of a stopped load`);
    assert.deepEqual(await schema(ds), before);
    await assertAsIfTriggersRan(ds, kept);
    // A load that fails (here: its progress report throws) rolls back, indexes and triggers included.
    await assert.rejects(
      load(ds, 9000, 34, {
        onProgress: (n) => {
          if (n >= 2000) throw new Error('killed');
        },
      }),
      /killed/,
    );
    assert.deepEqual(await schema(ds), before);
    await load(ds, 9000, 35);
    await assertAsIfTriggersRan(ds, kept + 9000);
  });
});
