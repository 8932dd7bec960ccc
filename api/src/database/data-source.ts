import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { ENTITIES } from './entities.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';

/** How long a SQLite connection waits for another's write lock (a second instance's, the seed command's). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** SQLite by default (one file, WAL, foreign keys on); PostgreSQL when DATABASE_URL says so. */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseKind' | 'databaseUrl' | 'sqlitePath'>, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface through the exception filter (mapped to 409/400, or logged as 500s).
    logging: process.env.DB_LOG === 'true',
  };
  if (config.databaseKind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.databaseUrl,
      migrations: POSTGRES_MIGRATIONS,
      extra: { max: Number(process.env.DB_POOL_SIZE || 10) },
      ...extra,
    } as DataSourceOptions;
  }
  if (config.sqlitePath !== ':memory:') mkdirSync(dirname(config.sqlitePath), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.sqlitePath,
    enableWAL: true,
    migrations: SQLITE_MIGRATIONS,
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      db.pragma('synchronous = NORMAL');
    },
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(config: Pick<AppConfig, 'databaseKind' | 'databaseUrl' | 'sqlitePath'>, extra: Partial<DataSourceOptions> = {}) {
  return new DataSource(dataSourceOptions(config, extra));
}
