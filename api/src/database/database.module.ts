import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { sealLegacyTimeline } from '../timeline/seal-legacy.js';
import { LOCKS } from './advisory-lock.js';
import { dataSourceOptions } from './data-source.js';
import { engineOf } from './database-engine.js';

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
  // The timeline's events from before it was chained are sealed once, in the same lock, before anything appends.
  const applied = await engineOf(ds).lock(ds).hold(LOCKS.migrate, async () => {
    const done = await ds.runMigrations({ transaction: 'each' });
    await sealLegacyTimeline(ds);
    return done;
  });
  if (applied.length) new Logger('Database').log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
}

/** The query planner's statistics, gathered when missing or stale on engines that need it (database-engine.ts). */
export const refreshStatistics = (ds: DataSource, force = false) => engineOf(ds).refreshStatistics(ds, force);

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config),
      dataSourceFactory: async (options) => {
        const ds = await new DataSource(options!).initialize();
        engineOf(ds).adapt(ds);
        await migrate(ds);
        if (await refreshStatistics(ds)) new Logger('Database').log('gathered query planner statistics (ANALYZE)');
        return ds;
      },
    }),
  ],
})
export class DatabaseModule {}
