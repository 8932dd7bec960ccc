/**
 * What the data source itself does differently on each engine, one object per engine chosen once: from the
 * config's databaseKind when the application is built, or from the data source a command-line tool or the seed
 * is handed (data-source.ts built it from that same databaseKind). Nothing above asks which engine it is on.
 */
import type { DataSource } from 'typeorm';
import type { DatabaseKind } from '../config/config.js';
import { LocalAdvisoryLock, PostgresAdvisoryLock, type AdvisoryLock } from './advisory-lock.js';
import { parseTimestamptz } from './pg-timestamps.js';
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

/** The driver's own reader of `timestamptz` (OID 1184), kept for the shapes the fast one leaves to it. */
let generalTimestamptz: ((s: string) => unknown) | undefined;
interface PgTypes {
  getTypeParser(oid: number): (s: string) => unknown;
  setTypeParser(oid: number, parse: (s: string) => unknown): void;
}

/**
 * PostgreSQL: TypeORM's pool as it is, with `timestamptz` read by a parser made for the one shape the server
 * sends (pg-timestamps.ts; the driver's type parsers are process-wide, set once); autovacuum gathers
 * statistics by itself (a bulk load runs ANALYZE).
 */
const POSTGRES: DatabaseEngine = {
  kind: 'postgres',
  adapt: (ds) => {
    if (generalTimestamptz) return;
    // The driver module TypeORM loaded (its `postgres`), whose parsers its pool's clients use.
    const { types } = (ds.driver as unknown as { postgres: { types: PgTypes } }).postgres;
    const general = (generalTimestamptz = types.getTypeParser(1184));
    types.setTypeParser(1184, (s: string) => parseTimestamptz(s, general));
  },
  refreshStatistics: async () => false,
  lock: (ds) => new PostgresAdvisoryLock(ds),
};

export const databaseEngine = (kind: DatabaseKind): DatabaseEngine => (kind === 'postgres' ? POSTGRES : SQLITE);

/** The engine of a data source already built, for code that is handed the data source alone (the CLIs, the seed). */
export const engineOf = (ds: DataSource): DatabaseEngine => databaseEngine(ds.options.type === 'postgres' ? 'postgres' : 'sqlite');
