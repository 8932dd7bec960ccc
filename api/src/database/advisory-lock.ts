import type { DataSource, EntityManager } from 'typeorm';

/**
 * Arbitrary constants, one per piece of work that one of several API instances at a time should do:
 * migrating and seeding (everyone waits their turn), the overdue scan (whoever finds it taken skips a pass).
 */
export const LOCKS = { migrate: 72_621_001, seed: 72_621_002, overdueScan: 72_621_010, tallyFold: 72_621_011, gridTree: 72_621_020, hotSpotDays: 72_621_030, webhookFeed: 72_621_040 } as const;

/**
 * A lock that several API instances on one database share, one implementation per engine (database-engine.ts,
 * chosen once): on PostgreSQL a session advisory lock, on SQLite nothing to take, since one machine's
 * write lock already lets one writer at a time in and the callers keep one pass at a time within a process.
 */
export interface AdvisoryLock {
  /** Runs `job` holding the lock, waiting for it as long as another instance holds it. */
  hold<T>(key: number, job: () => Promise<T>): Promise<T>;
  /** Runs `job` unless another instance holds the lock right now: then `undefined` at once (its pass does the work). */
  runAlone<T>(key: number, job: () => Promise<T>): Promise<T | undefined>;
  /** Takes the lock alone (exclusively) until the transaction of `m` ends, waiting for those who hold it, shared or not. */
  untilCommit(m: EntityManager, key: number): Promise<void>;
}

export const ADVISORY_LOCK = Symbol('AdvisoryLock');

/**
 * PostgreSQL: `pg_advisory_lock` / `pg_try_advisory_lock` on a connection of its own, since the lock belongs to
 * the session that took it; held while the job runs, in as many transactions as it likes. An instance that
 * dies loses its connection, and the lock with it.
 */
export class PostgresAdvisoryLock implements AdvisoryLock {
  constructor(private readonly ds: DataSource) {}

  async hold<T>(key: number, job: () => Promise<T>): Promise<T> {
    return (await this.onOwnSession('pg_advisory_lock', key, job)).result as T;
  }

  async runAlone<T>(key: number, job: () => Promise<T>): Promise<T | undefined> {
    const { result } = await this.onOwnSession('pg_try_advisory_lock', key, job);
    return result;
  }

  async untilCommit(m: EntityManager, key: number): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [key]);
  }

  private async onOwnSession<T>(take: 'pg_advisory_lock' | 'pg_try_advisory_lock', key: number, job: () => Promise<T>): Promise<{ result?: T }> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      // pg_advisory_lock answers (void) once it has the lock; the try variant answers whether it got it.
      const [row] = (await runner.query(`SELECT ${take}($1) AS taken`, [key])) as { taken: boolean | string }[];
      if (row.taken === false) return {};
      try {
        return { result: await job() };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [key]);
      }
    } finally {
      await runner.release();
    }
  }
}

/** SQLite: one machine, one writer at a time already; nothing to take. */
export class LocalAdvisoryLock implements AdvisoryLock {
  hold<T>(_key: number, job: () => Promise<T>): Promise<T> {
    return job();
  }

  runAlone<T>(_key: number, job: () => Promise<T>): Promise<T | undefined> {
    return job();
  }

  async untilCommit(): Promise<void> {}
}
