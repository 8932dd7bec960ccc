/**
 * SQLite's side of the data source (database-engine.ts): how TypeORM's transactions must run on its one
 * connection, and the query planner's statistics.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/**
 * SQLite chooses among the many indexes of `cases` by the statistics ANALYZE gathers; without them it
 * guesses that a scope range (`unit_path` between two bounds) is selective, and a supervisor's count of
 * 47 cases awaiting an extension reads a million rows. Gathers them when there are none, or when the
 * table has since grown or shrunk severalfold (a full ANALYZE of a million cases takes a few seconds).
 */
export async function refreshSqliteStatistics(ds: DataSource, force = false): Promise<boolean> {
  const [{ n }] = (await ds.query(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`)) as { n: number }[];
  // The rows the statistics counted: the most any index of `cases` had (a partial index holds fewer).
  const counted = n ? ((await ds.query(`SELECT MAX(CAST(stat AS INTEGER)) AS counted FROM sqlite_stat1 WHERE tbl = 'cases' AND idx IS NOT NULL`)) as { counted: number | null }[])[0].counted : null;
  const [{ rows }] = (await ds.query(`SELECT COALESCE(MAX(id), 0) AS rows FROM cases`)) as { rows: number }[];
  const analyzed = counted ?? -1;
  const stale = analyzed < 0 ? rows >= 1000 : rows > 3 * analyzed + 1000 || rows * 3 < analyzed;
  if (!force && !stale) return false;
  await ds.query('ANALYZE');
  // Statistics make SQLite try skip-scans: counting a month of reports by walking every unit and status
  // of another index instead of reading one range of the reports' index. None of these lists wants one.
  await ds.query(`UPDATE sqlite_stat1 SET stat = stat || ' noskipscan' WHERE tbl IN ('cases', 'case_events') AND idx IS NOT NULL AND stat NOT LIKE '%noskipscan%'`);
  await ds.query('ANALYZE sqlite_schema');
  return true;
}

/**
 * SQLite has one connection, and TypeORM one query runner on it for everybody: two requests' transactions
 * would interleave on it, the second nested as a savepoint in the first, so that the first one's rollback
 * (a 409, a 400 found late) would take back the second one's work after it had answered 200. Transactions
 * therefore run one at a time here (SQLite writes one at a time anyway), each after the last has ended; a
 * transaction opened from inside another (same async context) nests in it as before.
 */
export function serializeTransactions(ds: DataSource): void {
  const manager = ds.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const inside = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return original(...args);
    const run = tail.then(() => inside.run(true, () => original(...args)));
    tail = run.catch(() => undefined);
    return run;
  }) as typeof manager.transaction;
}

/**
 * TypeORM begins SQLite transactions DEFERRED: a read lock first, the write lock at the first write. When
 * another connection (a second instance, the seed command loading cases meanwhile) commits in between,
 * that upgrade fails at once (SQLITE_BUSY: the snapshot is stale) instead of waiting. IMMEDIATE takes the
 * write lock at BEGIN, waiting for it as long as the busy timeout allows; TypeORM's transactions here run
 * one at a time anyway.
 */
export function immediateTransactions(ds: DataSource): void {
  const runner = ds.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((sql: string, ...rest: unknown[]) => query(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest)) as typeof runner.query;
}
