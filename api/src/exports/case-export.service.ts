import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { Case } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import type { RawListQuery } from '../common/list-query.js';
import { localDate } from '../common/time.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { GridService } from '../grid/grid.service.js';
import { CASE_COLUMNS, caseRow, namesWanted, type ShownCase } from './case-columns.js';
import { NameLookup } from './name-lookup.js';
import { streamEntities } from './row-cursor.js';
import { writeTable, type ExportFormat } from './table-export.js';

/** The case list as a file: every case `GET /cases` would list for the same filter and sort, not one page. */
@Injectable()
export class CaseExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly grid: GridService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(format: ExportFormat, query: RawListQuery, user: AuthUser, res: FastifyReply): Promise<void> {
    // `range` is the list's page; a file holds them all. Bad filters are refused here, before any byte is sent.
    const raw = { sort: query.sort, filter: query.filter };
    await this.grid.resolveUnitFilter(raw);
    const { qb, present } = this.cases.exportQuery(raw, user);
    const today = localDate(new Date(), this.config.timeZone);
    await writeTable(res, format, `诉求工单-${today}`, CASE_COLUMNS, this.rows(qb, present), { timeZone: this.config.timeZone, asciiName: `cases-${today}` });
  }

  private async *rows(qb: SelectQueryBuilder<Case>, present: (c: Case) => unknown) {
    const names = new NameLookup();
    for await (const batch of streamEntities(this.ds, qb)) {
      const shown = batch.rows.map((c) => present(c) as ShownCase);
      await names.load(batch.manager, namesWanted(shown));
      for (const c of shown) yield caseRow(c, names);
    }
  }
}
