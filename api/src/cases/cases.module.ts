import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { CaseEventsController, CasesController } from './cases.controller.js';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import { WorkflowController } from '../workflow/workflow.controller.js';
import { WorkflowService } from '../workflow/workflow.service.js';

@Module({ imports: [CategoriesModule], controllers: [CasesController, CaseEventsController, WorkflowController], providers: [CasesService, CaseEventsService, WorkflowService], exports: [CasesService] })
export class CasesModule {}
