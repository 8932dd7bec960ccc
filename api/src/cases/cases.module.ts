import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { CaseEventsController, CasesController, CaseViewsController } from './cases.controller.js';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import { intakeEngineProvider } from './intake-engine.js';

/** The case record: intake, lists, views, the timeline's events. The workflow, the intake desk and exports build on it. */
@Module({ imports: [CategoriesModule], controllers: [CaseViewsController, CasesController, CaseEventsController], providers: [intakeEngineProvider, CasesService, CaseEventsService], exports: [CasesService] })
export class CasesModule {}
