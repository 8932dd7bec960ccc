import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { dataSourceOptions } from './data-source.js';

/** An arbitrary constant: the advisory lock that lets one of several API instances migrate at a time. */
const MIGRATION_LOCK = 72_621_001;

export async function migrate(ds: DataSource) {
  const logger = new Logger('Database');
  const pg = ds.options.type === 'postgres';
  if (pg) await ds.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    if (pg) await ds.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
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
