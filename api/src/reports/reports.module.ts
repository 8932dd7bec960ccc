import { Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CasesModule } from '../cases/cases.module.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { createDataSource } from '../database/data-source.js';
import { DailyReportService } from './daily-report.service.js';
import { DirectReportReader, PostgresReportReader, REPORT_READER, type ReportReader } from './report-reader.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Where reports read (report-reader.ts), chosen here once: the engine, and the replica when one is named. */
async function reportReader(config: AppConfig, ds: DataSource): Promise<ReportReader> {
  if (config.databaseKind !== 'postgres') return new DirectReportReader();
  const timeoutMs = config.reportTimeoutSeconds * 1000;
  if (!config.databaseReadUrl) return new PostgresReportReader(ds, false, timeoutMs);
  // The replica has the primary's schema: no migrations, no seed, only reads.
  const replica = createDataSource({ ...config, databaseUrl: config.databaseReadUrl });
  return new PostgresReportReader(await replica.initialize(), true, timeoutMs);
}

@Module({
  imports: [CasesModule],
  controllers: [ReportsController],
  providers: [ReportsService, DailyReportService, { provide: REPORT_READER, inject: [APP_CONFIG, getDataSourceToken()], useFactory: reportReader }],
})
export class ReportsModule implements OnModuleDestroy {
  constructor(@Inject(REPORT_READER) private readonly reader: ReportReader) {}

  async onModuleDestroy() {
    await this.reader.close();
  }
}
