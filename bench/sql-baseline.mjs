// The database's share: the very statements the API ran for one request (recorded by the API's bench
// routes, parameters as bound), replayed straight on better-sqlite3 with no HTTP, no framework, no ORM.
// Recorded rather than hand-written so the baseline cannot drift from what the API really runs while the
// queries evolve; writes (if any) are left out since the connection is read-only.
import Database from 'better-sqlite3';
import pg from 'pg';
import { summarize } from './load.mjs';

/** The statements one request runs: recording on, the request, recording off (nothing else runs meanwhile). */
export async function recordSql(baseUrl, admin, session, path) {
  const post = (p) => fetch(baseUrl + p, { method: 'POST', headers: admin.headers });
  await fetch(baseUrl + path, { headers: session.headers }); // warm caches (users, calendar) so only the request's own SQL is seen
  if (!(await post('/api/bench/sql/start')).ok) throw new Error('the API has no bench routes (BENCH_ROUTES=1): rebuild it with `npm run build -w api`');
  const res = await fetch(baseUrl + path, { headers: session.headers });
  await res.arrayBuffer();
  const stop = await post('/api/bench/sql/stop');
  const recorded = await stop.json();
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  return recorded;
}

/** Runs the recorded SELECTs back to back, repeatedly, for about `seconds`; p50/p95 of the whole request's SQL. */
export function replay(dbPath, queries, seconds) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const stmts = queries.map((q) => ({ stmt: db.prepare(q.query), params: q.parameters })).filter((s) => s.stmt.reader);
    const run = () => {
      for (const { stmt, params } of stmts) stmt.all(...params);
    };
    run(); // warm the page cache and the statement
    const times = [];
    const until = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
    do {
      const t0 = process.hrtime.bigint();
      run();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    } while (process.hrtime.bigint() < until || times.length < 5);
    return { ...summarize(times), statements: stmts.length };
  } finally {
    db.close();
  }
}

/**
 * The same on PostgreSQL: the recorded reads on one pg connection, back to back, each sent as the API's driver
 * sends it (TypeORM's `query(text, values)`: the unnamed statement, parsed and planned for its values every time).
 * Not as named prepared statements: from the sixth run PostgreSQL may keep one generic plan for any values, which
 * cannot see that a `received_at` range is one day or a `unit_path` range one community; the daily report's
 * statements replayed so read 160–490 ms at p50 against 54–66 ms planned per run (1M cases, load 5), slower
 * than the API whose share the baseline is meant to be.
 */
export async function replayPg(url, queries, seconds) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const reads = queries.filter((q) => /^\s*(SELECT|WITH)\b/i.test(q.query) && !/\b(INSERT|UPDATE|DELETE)\b/i.test(q.query));
    const stmts = reads.map((q) => ({ text: q.query, values: q.parameters ?? [] }));
    const run = async () => {
      for (const s of stmts) await client.query(s);
    };
    await run();
    const times = [];
    const until = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
    do {
      const t0 = process.hrtime.bigint();
      await run();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    } while (process.hrtime.bigint() < until || times.length < 5);
    return { ...summarize(times), statements: stmts.length };
  } finally {
    await client.end();
  }
}
