import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { CasesModule } from './cases.module.js';
import { IntakeDeskController } from './intake-desk.controller.js';
import { IntakeDeskService } from './intake-desk.service.js';

/** The caller-first intake desk: a caller's open cases, a new one or a merge into one (through the workflow). */
@Module({ imports: [CasesModule, CategoriesModule, WorkflowModule], controllers: [IntakeDeskController], providers: [IntakeDeskService] })
export class IntakeDeskModule {}
