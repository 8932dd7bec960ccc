import { DynamicModule, Module } from '@nestjs/common';
import { AccessLogModule } from './access-log/access-log.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BenchModule } from './bench/bench.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import { IntakeDeskModule } from './cases/intake-desk.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { WorkflowModule } from './workflow/workflow.module.js';
import { CategoriesModule } from './categories/categories.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DepartmentsModule } from './departments/departments.module.js';
import { GridModule } from './grid/grid.module.js';
import { HealthController } from './health/health.controller.js';
import { Open311Module } from './open311/open311.module.js';
import { PublicModule } from './public/public.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { KnowledgeModule } from './knowledge/knowledge.module.js';
import { VisitsModule } from './visits/visits.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { ResidentsModule } from './residents/residents.module.js';
import { SearchModule } from './search/search.module.js';
import { EngineModule } from './database/engine.module.js';
import { TimelineModule } from './timeline/timeline.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SearchModule,
        EngineModule,
        AuthModule,
        AccessLogModule,
        GridModule,
        CalendarModule,
        DepartmentsModule,
        ChannelsModule,
        CategoriesModule,
        UsersModule,
        ResidentsModule,
        // Before the case routes: `/api/cases.xlsx` and the desk's `/api/cases/…` paths are found first.
        ExportsModule,
        IntakeDeskModule,
        CasesModule,
        WorkflowModule,
        AttachmentsModule,
        ReportsModule,
        PublicModule,
        WebhooksModule,
        KnowledgeModule,
        VisitsModule,
        ApiKeysModule,
        Open311Module,
        TimelineModule,
        ...BenchModule.ifEnabled(),
      ],
      controllers: [HealthController],
    };
  }
}
