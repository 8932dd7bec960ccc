import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CategoriesModule } from '../categories/categories.module.js';
import { ClockLedgerService } from './clock-ledger.service.js';
import { OverdueScanService } from './overdue-scan.service.js';
import { WorkflowController } from './workflow.controller.js';
import { WorkflowService } from './workflow.service.js';

/** Actions on a case (the state machine, its clocks) and the overdue scan. */
@Module({ imports: [CasesModule, CategoriesModule], controllers: [WorkflowController], providers: [WorkflowService, OverdueScanService, ClockLedgerService], exports: [WorkflowService] })
export class WorkflowModule {}
