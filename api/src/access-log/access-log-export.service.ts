import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { RawListQuery } from '../common/list-query.js';
import { localDate } from '../common/time.js';
import { word } from '../common/words.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ROW_CURSOR, type RowCursor } from '../exports/row-cursor.js';
import { writeTable, type ExportColumn, type ExportFormat } from '../exports/table-export.js';
import { User } from '../users/user.entity.js';
import type { AccessLogEntry } from './access-log.entity.js';
import { AccessLogService } from './access-log.service.js';
import { AccessLogWriter } from './access-log.writer.js';

const COLUMNS: ExportColumn[] = [
  { key: 'at', header: '时间', type: 'datetime' },
  { key: 'user', header: '用户', width: 20 },
  { key: 'action', header: '操作', width: 8 },
  { key: 'resource', header: '资源', width: 12 },
  { key: 'recordId', header: '记录编号', type: 'number' },
  { key: 'rows', header: '行数', type: 'number' },
  { key: 'detail', header: '说明', width: 24 },
];

/** `full xlsx` → 完整信息 · Excel 文件: each code of a detail by its word (the console shows the same). */
const detailWords = (detail: string | null) => detail?.split(' ').filter(Boolean).map((code) => word('accessDetail', code)).join(' · ') ?? null;

/** The access log as a file, for the inspections that ask who saw residents' data (same filters as the list). */
@Injectable()
export class AccessLogExportService {
  constructor(
    @Inject(ROW_CURSOR) private readonly cursor: RowCursor,
    private readonly log: AccessLogService,
    private readonly writer: AccessLogWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(format: ExportFormat, query: RawListQuery, user: AuthUser, res: FastifyReply): Promise<void> {
    await this.writer.settled();
    const { qb } = await this.log.exportQuery({ sort: query.sort, filter: query.filter }, user);
    const today = localDate(new Date(), this.config.timeZone);
    await writeTable(res, format, `访问记录-${today}`, COLUMNS, this.rows(qb), { timeZone: this.config.timeZone, asciiName: `access-log-${today}` });
  }

  private async *rows(qb: SelectQueryBuilder<AccessLogEntry>) {
    const names = new Map<number, string>();
    for await (const batch of this.cursor.stream(qb)) {
      await this.loadNames(batch.manager, names, batch.rows.map((r) => r.userId));
      for (const r of batch.rows) {
        yield { at: r.at, user: names.get(r.userId) ?? String(r.userId), action: word('accessAction', r.action), resource: word('accessResource', r.resource), recordId: r.recordId, rows: r.rows, detail: detailWords(r.detail) };
      }
    }
  }

  /** `张三 (zhangsan)` for the ids not seen yet, in one query per batch. */
  private async loadNames(m: EntityManager, names: Map<number, string>, ids: number[]) {
    const missing = [...new Set(ids)].filter((id) => !names.has(id));
    if (!missing.length) return;
    const users = await m.getRepository(User).find({ where: { id: In(missing) }, select: { id: true, name: true, username: true } });
    for (const u of users) names.set(u.id, `${u.name} (${u.username})`);
  }
}
