import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { CaseEventsController, CasesController, CaseViewsController } from './cases.controller.js';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import { WorkflowController } from '../workflow/workflow.controller.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { OverdueScanService } from '../workflow/overdue-scan.service.js';

@Module({ imports: [CategoriesModule], controllers: [CaseViewsController, CasesController, CaseEventsController, WorkflowController], providers: [CasesService, CaseEventsService, WorkflowService, OverdueScanService], exports: [CasesService] })
export class CasesModule {}
