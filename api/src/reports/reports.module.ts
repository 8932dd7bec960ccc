import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ClosureTimesService } from './closure-times.js';
import { DailyReportService } from './daily-report.service.js';
import { HotSpotDays } from './hot-spot-days.js';
import { HotSpotsService } from './hot-spots.service.js';
import { ReportsController } from './reports.controller.js';
import { MonthlyIssuesService } from './monthly-issues.js';
import { ReportsService } from './reports.service.js';
import { WatchListService } from './watch-list.js';
import { RollupReader } from './rollups/rollup-reader.js';
import { POSTGRES_ROLLUPS, ROLLUP_CLOCK, ROLLUP_ENGINE, RollupKeeper, SQLITE_ROLLUPS } from './rollups/rollup-store.js';

@Module({
  imports: [CasesModule],
  controllers: [ReportsController],
  providers: [
    ReportsService,
    ClosureTimesService,
    DailyReportService,
    HotSpotsService,
    HotSpotDays,
    WatchListService,
    MonthlyIssuesService,
    RollupReader,
    RollupKeeper,
    { provide: ROLLUP_CLOCK, useExisting: RollupKeeper },
    // Chosen once: how rollups are kept differs by engine (rollups/rollup-store.ts), how they are read does not.
    { provide: ROLLUP_ENGINE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => (config.databaseKind === 'postgres' ? POSTGRES_ROLLUPS : SQLITE_ROLLUPS) },
  ],
})
export class ReportsModule {}
