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
import { mustMayExportFull, wantsFullValues } from './personal-export.js';
import { AccessLogWriter } from '../access-log/access-log.writer.js';
import { maskAddress, maskPhone } from '../common/privacy.js';
import { ROW_CURSOR, type RowCursor } from './row-cursor.js';
import { writeTable, type ExportFormat } from './table-export.js';

/** The case list as a file: every case `GET /cases` would list for the same filter and sort, not one page. */
@Injectable()
export class CaseExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ROW_CURSOR) private readonly cursor: RowCursor,
    private readonly cases: CasesService,
    private readonly grid: GridService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accessLog: AccessLogWriter,
  ) {}

  async export(format: ExportFormat, query: RawListQuery & { full?: unknown }, user: AuthUser, res: FastifyReply): Promise<void> {
    // `range` is the list's page; a file holds them all. Bad filters are refused here, before any byte is sent.
    const full = wantsFullValues(query.full);
    if (full) await mustMayExportFull(this.ds, user);
    const raw = { sort: query.sort, filter: query.filter };
    await this.grid.resolveUnitFilter(raw);
    const { qb, present } = await this.cases.exportQuery(raw, user);
    const today = localDate(new Date(), this.config.timeZone);
    const counted = { rows: 0 };
    try {
      await writeTable(res, format, `诉求工单-${today}`, CASE_COLUMNS, this.rows(qb, present, full, counted), { timeZone: this.config.timeZone, asciiName: `cases-${today}` });
    } finally {
      // Every export of cases carries names and (masked or whole) numbers: each is on the record, with what it held.
      this.accessLog.record(user, { action: 'export', resource: 'cases', rows: counted.rows, detail: `${full ? 'full' : 'masked'} ${format}` });
    }
  }

  /** Rows as the ledger shows them: phone and address masked, or whole (as stored) when asked and allowed. */
  private async *rows(qb: SelectQueryBuilder<Case>, present: (c: Case) => unknown, full: boolean, counted: { rows: number }) {
    const names = new NameLookup();
    for await (const batch of this.cursor.stream(qb)) {
      const shown = batch.rows.map((c) => {
        const out = present(c) as ShownCase;
        out.reporterPhone = full ? c.reporterPhone : maskPhone(c.reporterPhone);
        out.address = full ? c.address : maskAddress(c.address);
        return out;
      });
      await names.load(batch.manager, namesWanted(shown));
      for (const c of shown) {
        counted.rows++;
        yield caseRow(c, names);
      }
    }
  }
}
