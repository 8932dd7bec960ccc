import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { VisitsController, VisitsDueController } from './visits.controller.js';
import { VisitsService } from './visits.service.js';

/** Visits before complaints (未诉先办, issue 18): households visited, and those due a visit. */
@Module({ imports: [CasesModule], controllers: [VisitsDueController, VisitsController], providers: [VisitsService] })
export class VisitsModule {}
