import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DailyReportService } from './daily-report.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({ imports: [CasesModule], controllers: [ReportsController], providers: [ReportsService, DailyReportService] })
export class ReportsModule {}
