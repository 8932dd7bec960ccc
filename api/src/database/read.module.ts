import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PostgresRowCursor, ROW_CURSOR, SqliteRowCursor, type RowCursor } from '../exports/row-cursor.js';
import { DirectReportReader, PostgresReportReader, REPORT_READER, type ReportReader } from '../reports/report-reader.js';
import { createDataSource } from './data-source.js';

/** Where reports and exports read: the replica of DATABASE_READ_URL (PostgreSQL), else the primary. */
export const READ_SOURCE = Symbol('ReadSource');

/**
 * The engine-specific ways of reading in bulk, chosen here once: exports' cursors (exports/row-cursor.ts) and
 * reports' reader (reports/report-reader.ts), both on the read source.
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
  ],
  exports: [READ_SOURCE, ROW_CURSOR, REPORT_READER],
})
export class ReadModule implements OnModuleDestroy {
  constructor(
    @Inject(READ_SOURCE) private readonly source: DataSource,
    @Inject(getDataSourceToken()) private readonly ds: DataSource,
  ) {}

  async onModuleDestroy() {
    if (this.source !== this.ds && this.source.isInitialized) await this.source.destroy();
  }
}
