import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { dataSourceOptions } from './data-source.js';

/** Arbitrary constants: advisory locks that let one of several API instances at a time migrate or seed. */
export const LOCKS = { migrate: 72_621_001, seed: 72_621_002 } as const;

/**
 * Runs `fn` while holding a PostgreSQL advisory lock (on one dedicated connection, since the lock belongs
 * to the session that took it). SQLite has one writer anyway: `fn` simply runs.
 */
export async function withAdvisoryLock<T>(ds: DataSource, key: number, fn: () => Promise<T>): Promise<T> {
  if (ds.options.type !== 'postgres') return fn();
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(${key})`);
    try {
      return await fn();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(${key})`);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Retries `fn` when SQLite answers "database is locked" at once: a deferred transaction whose snapshot went
 * stale while another process (a second instance, the seed command) wrote cannot wait for the lock, only
 * start again. Used by background work; requests keep the busy timeout.
 */
export async function retryWhenBusy<T>(fn: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const busy = /SQLITE_BUSY|database is locked/i.test(`${(err as { code?: string }).code ?? ''} ${(err as Error).message}`);
      if (!busy || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 20 * i + Math.random() * 50));
    }
  }
}

export async function migrate(ds: DataSource) {
  const applied = await withAdvisoryLock(ds, LOCKS.migrate, () => ds.runMigrations({ transaction: 'each' }));
  if (applied.length) new Logger('Database').log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config),
      dataSourceFactory: async (options) => {
        const ds = await new DataSource(options!).initialize();
        await migrate(ds);
        return ds;
      },
    }),
  ],
})
export class DatabaseModule {}
