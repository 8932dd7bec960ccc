import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { CaseEventsController, CasesController } from './cases.controller.js';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';

@Module({ imports: [CategoriesModule], controllers: [CasesController, CaseEventsController], providers: [CasesService, CaseEventsService], exports: [CasesService] })
export class CasesModule {}
