import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PostgresRowCursor, ROW_CURSOR, SqliteRowCursor, type RowCursor } from '../exports/row-cursor.js';
import { DirectReportReader, PostgresReportReader, REPORT_READER, type ReportReader } from '../reports/report-reader.js';
import { ADVISORY_LOCK, type AdvisoryLock } from './advisory-lock.js';
import { createDataSource } from './data-source.js';
import { databaseEngine } from './database-engine.js';
import { POSTGRES_DIALECT, SQL_DIALECT, SQLITE_DIALECT } from './sql-dialect.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/** Where reports and exports read: the replica of DATABASE_READ_URL (PostgreSQL), else the primary. */
export const READ_SOURCE = Symbol('ReadSource');

/**
 * What differs between the engines, chosen here once for the whole application: exports' cursors
 * (exports/row-cursor.ts) and reports' reader (reports/report-reader.ts), both on the read source, and the
 * few SQL spellings the engines do not share (sql-dialect.ts), the lock several instances share
 * (advisory-lock.ts), and on SQLite the WAL checkpoints off the event loop (wal-checkpointer.ts).
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_SOURCE,
      inject: [APP_CONFIG, getDataSourceToken()],
      // The replica has the primary's schema: no migrations, no seed, only reads.
      useFactory: (config: AppConfig, ds: DataSource) => (config.databaseReadUrl ? createDataSource({ ...config, databaseUrl: config.databaseReadUrl }).initialize() : ds),
    },
    {
      provide: ROW_CURSOR,
      inject: [APP_CONFIG, READ_SOURCE, getDataSourceToken()],
      useFactory: (config: AppConfig, source: DataSource, ds: DataSource): RowCursor => (config.databaseKind === 'postgres' ? new PostgresRowCursor(source) : new SqliteRowCursor(ds)),
    },
    {
      provide: REPORT_READER,
      inject: [APP_CONFIG, READ_SOURCE],
      useFactory: (config: AppConfig, source: DataSource): ReportReader => (config.databaseKind === 'postgres' ? new PostgresReportReader(source, config.reportTimeoutSeconds * 1000) : new DirectReportReader()),
    },
    {
      provide: ADVISORY_LOCK,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, ds: DataSource): AdvisoryLock => databaseEngine(config.databaseKind).lock(ds),
    },
    // Nest calls the checkpointer's start and shutdown hooks; on PostgreSQL there is nothing to checkpoint.
    { provide: WalCheckpointer, inject: [APP_CONFIG, getDataSourceToken()], useFactory: (config: AppConfig, ds: DataSource) => (config.databaseKind === 'sqlite' ? new WalCheckpointer(ds) : {}) },
    { provide: SQL_DIALECT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => (config.databaseKind === 'postgres' ? POSTGRES_DIALECT : SQLITE_DIALECT) },
  ],
  exports: [READ_SOURCE, ROW_CURSOR, REPORT_READER, SQL_DIALECT, ADVISORY_LOCK],
})
export class EngineModule implements OnModuleDestroy {
  constructor(
    @Inject(READ_SOURCE) private readonly source: DataSource,
    @Inject(getDataSourceToken()) private readonly ds: DataSource,
  ) {}

  async onModuleDestroy() {
    if (this.source !== this.ds && this.source.isInitialized) await this.source.destroy();
  }
}
