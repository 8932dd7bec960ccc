import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CasesService } from '../cases/cases.service.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import type { ListSpec } from '../common/list-query.js';
import { namedQuery } from '../common/named-query.js';
import { localDate } from '../common/time.js';
import type { CreateReplyTemplateDto, UpdateReplyTemplateDto } from './dto/knowledge.dto.js';
import { fillTemplate, TEMPLATE_ACTIONS } from './placeholders.js';
import { ReplyTemplate } from './reply-template.entity.js';

@Injectable()
export class ReplyTemplatesService extends CrudService<ReplyTemplate, CreateReplyTemplateDto, UpdateReplyTemplateDto> {
  protected readonly label = 'ReplyTemplate';
  protected override readonly disablable = true;
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'rt',
    defaultSort: ['uses', 'DESC'],
    fields: { id: { type: 'int' }, name: { type: 'string' }, action: { type: 'string', values: TEMPLATE_ACTIONS }, active: { type: 'boolean' }, uses: { type: 'int' } },
    search: (qb, term, param) => qb.andWhere(`(rt.name LIKE ${param(`%${term}%`)} OR rt.text LIKE ${param(`%${term}%`)})`),
  };

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly cases: CasesService,
  ) {
    super(ds, ds.getRepository(ReplyTemplate));
  }

  /** The template filled from a case the user may see (`{text}`), and one more use counted. */
  async render(id: number, caseId: unknown, user: AuthUser) {
    const template = await this.findOrThrow(id, user);
    const c = await this.cases.findOrThrow(Number.isSafeInteger(caseId) ? (caseId as number) : -1, user);
    const [names] = await namedQuery<{ unit: string | null; category: string | null }>(
      this.ds,
      `SELECT (SELECT "name" FROM "departments" WHERE "id" = :departmentId) AS "unit", (SELECT "name" FROM "categories" WHERE "id" = :categoryId) AS "category"`,
      { departmentId: c.departmentId ?? -1, categoryId: c.categoryId },
    );
    const due = c.resolveDueAt ? localDate(c.resolveDueAt, this.config.timeZone) : null;
    await namedQuery(this.ds, `UPDATE "reply_templates" SET "uses" = "uses" + 1 WHERE "id" = :id`, { id });
    return { text: fillTemplate(template.text, { resident: c.reporterName, unit: names?.unit ?? null, due, number: c.number, category: names?.category ?? null }) };
  }
}
