import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** Arbitrary constants, one per background job that one instance at a time should run (beside database.module's LOCKS). */
export const JOB_KEYS = { overdueScan: 72_621_010 } as const;

/**
 * Background work that one API instance at a time does (the overdue scan): `runAlone` runs `job` unless
 * another instance is running it right now, in which case it answers `undefined` at once and runs nothing:
 * the other instance's pass does the work. Chosen once per engine (`jobLockProvider`).
 */
export interface JobLock {
  runAlone<T>(key: number, job: () => Promise<T>): Promise<T | undefined>;
}

export const JOB_LOCK = Symbol('JOB_LOCK');

/**
 * PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) on a connection of its own, held while the job
 * runs, in as many transactions as it likes. An instance that dies loses its connection, and the lock with it.
 */
export class PostgresJobLock implements JobLock {
  constructor(private readonly ds: DataSource) {}

  async runAlone<T>(key: number, job: () => Promise<T>): Promise<T | undefined> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      const [{ taken }] = (await runner.query(`SELECT pg_try_advisory_lock($1) AS taken`, [key])) as { taken: boolean }[];
      if (!taken) return undefined;
      try {
        return await job();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [key]);
      }
    } finally {
      await runner.release();
    }
  }
}

/**
 * SQLite: one machine, and its write lock already lets one writer at a time in; within this process the job's
 * own caller keeps one pass at a time. Nothing to take.
 */
export class LocalJobLock implements JobLock {
  runAlone<T>(_key: number, job: () => Promise<T>): Promise<T | undefined> {
    return job();
  }
}

export const jobLockProvider: Provider = {
  provide: JOB_LOCK,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, ds: DataSource): JobLock => (config.databaseKind === 'postgres' ? new PostgresJobLock(ds) : new LocalJobLock()),
};
