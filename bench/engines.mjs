// What the bench does differently per engine: where the database is built and copied, how the recorded
// SQL is replayed, and which bare server is the machine's ceiling. SQLite by default; PostgreSQL with
// `--db postgres://…/<scratch>`.
import { join } from 'node:path';
import { cacheKey, ensureDatabase, workingCopy } from './database.mjs';
import { ensurePgDatabase, pgWorkingCopy } from './pg-database.mjs';
import { replay, replayPg } from './sql-baseline.mjs';

export async function benchEngine(root, opts, log) {
  if (opts.db) {
    const db = await ensurePgDatabase(root, opts, cacheKey(root, opts.days, opts.seed), log);
    return {
      name: 'PostgreSQL',
      db: { ...db, file: db.name },
      copy: () => pgWorkingCopy(opts, db.name),
      replay: (work, queries, seconds) => replayPg(work.url, queries, seconds),
      bare: (work) => ({ script: join(root, 'bench/bare-server-pg.mjs'), env: { BENCH_DB_URL: work.url } }),
    };
  }
  const db = await ensureDatabase(root, opts, log);
  return {
    name: 'SQLite',
    db: { ...db, file: db.path.slice(root.length + 1) },
    copy: async () => {
      const work = workingCopy(db.path);
      return { ...work, url: `sqlite:${work.path}`, label: work.path, remove: async () => work.remove() };
    },
    replay: async (work, queries, seconds) => replay(work.path, queries, seconds),
    bare: (work) => ({ script: join(root, 'bench/bare-server.mjs'), env: { BENCH_DB: work.path } }),
  };
}
