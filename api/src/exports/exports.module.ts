import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CaseExportsController } from './case-exports.controller.js';
import { CaseExportService } from './case-export.service.js';

/** The case list as a spreadsheet, streamed through one cursor. */
@Module({ imports: [CasesModule], controllers: [CaseExportsController], providers: [CaseExportService] })
export class ExportsModule {}
