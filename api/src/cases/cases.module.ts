import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { CaseEventsController, CasesController, CaseViewsController } from './cases.controller.js';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import { intakeEngineProvider } from './intake-engine.js';
import { IntakeDeskController } from './intake-desk.controller.js';
import { IntakeDeskService } from './intake-desk.service.js';
import { WorkflowController } from '../workflow/workflow.controller.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { OverdueScanService } from '../workflow/overdue-scan.service.js';
import { CaseExportsController } from '../exports/case-exports.controller.js';
import { CaseExportService } from '../exports/case-export.service.js';

@Module({ imports: [CategoriesModule], controllers: [CaseExportsController, CaseViewsController, IntakeDeskController, CasesController, CaseEventsController, WorkflowController], providers: [intakeEngineProvider, CasesService, IntakeDeskService, CaseEventsService, WorkflowService, OverdueScanService, CaseExportService], exports: [CasesService] })
export class CasesModule {}
