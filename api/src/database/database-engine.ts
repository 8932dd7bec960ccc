/**
 * What the data source itself does differently on each engine, one object per engine chosen once: from the
 * config's databaseKind when the application is built, or from the data source a command-line tool or the seed
 * is handed (data-source.ts built it from that same databaseKind). Nothing above asks which engine it is on.
 */
import type { DataSource } from 'typeorm';
import type { DatabaseKind } from '../config/config.js';
import { LocalAdvisoryLock, PostgresAdvisoryLock, type AdvisoryLock } from './advisory-lock.js';
import { immediateTransactions, refreshSqliteStatistics, serializeTransactions } from './sqlite-tuning.js';

export interface DatabaseEngine {
  readonly kind: DatabaseKind;
  /** Once the data source is open, before anything runs on it: how TypeORM must behave on this engine. */
  adapt(ds: DataSource): void;
  /** Gathers the query planner's statistics when they are missing or stale (or `force`); true when it did. */
  refreshStatistics(ds: DataSource, force?: boolean): Promise<boolean>;
  /** The lock several API instances on this database share (advisory-lock.ts). */
  lock(ds: DataSource): AdvisoryLock;
}

const SQLITE: DatabaseEngine = {
  kind: 'sqlite',
  adapt: (ds) => {
    serializeTransactions(ds);
    immediateTransactions(ds);
  },
  refreshStatistics: refreshSqliteStatistics,
  lock: () => new LocalAdvisoryLock(),
};

/** PostgreSQL: TypeORM's pool as it is; autovacuum gathers statistics by itself (a bulk load runs ANALYZE). */
const POSTGRES: DatabaseEngine = {
  kind: 'postgres',
  adapt: () => undefined,
  refreshStatistics: async () => false,
  lock: (ds) => new PostgresAdvisoryLock(ds),
};

export const databaseEngine = (kind: DatabaseKind): DatabaseEngine => (kind === 'postgres' ? POSTGRES : SQLITE);

/** The engine of a data source already built, for code that is handed the data source alone (the CLIs, the seed). */
export const engineOf = (ds: DataSource): DatabaseEngine => databaseEngine(ds.options.type === 'postgres' ? 'postgres' : 'sqlite');
