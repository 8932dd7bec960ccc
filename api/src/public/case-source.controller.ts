import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { CasesService } from '../cases/cases.service.js';
import { IdPipe } from '../common/crud.controller.js';
import { namedQuery } from '../common/named-query.js';
import { instantMs } from '../common/time.js';

/**
 * For the case page: where a request came from (the public page, its enterprise form, an Open311 key: null for
 * one staff logged) and the resident's own rating, for whoever may see the case.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseSourceController {
  constructor(
    private readonly cases: CasesService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get(':id/source')
  async source(@Param('id', IdPipe) id: number, @CurrentUser() user: AuthUser) {
    await this.cases.findOrThrow(id, user);
    const [source] = await namedQuery<{ origin: string; company: string | null; creditCode: string | null; apiKeyId: number | null; apiKeyName: string | null }>(
      this.ds,
      `SELECT s."origin", s."company", s."credit_code" AS "creditCode", s."api_key_id" AS "apiKeyId", k."name" AS "apiKeyName"
       FROM "case_sources" s LEFT JOIN "api_keys" k ON k."id" = s."api_key_id" WHERE s."case_id" = :id`,
      { id },
    );
    const ratings = await namedQuery<{ data: string; note: string | null; createdAt: Date | string }>(
      this.ds,
      `SELECT "data", "note", "created_at" AS "createdAt" FROM "case_events" WHERE "case_id" = :id AND "action" = 'follow_up' AND "actor_id" IS NULL ORDER BY "id" DESC`,
      { id },
    );
    const own = ratings.map((r) => ({ ...r, data: JSON.parse(r.data) as { by?: string; resolved: boolean; satisfaction: string } })).find((r) => r.data.by === 'resident');
    return {
      origin: source?.origin ?? null,
      company: source?.company ?? null,
      creditCode: source?.creditCode ?? null,
      apiKey: source?.apiKeyId ? { id: Number(source.apiKeyId), name: source.apiKeyName } : null,
      residentRating: own ? { resolved: own.data.resolved, satisfaction: own.data.satisfaction, comment: own.note, at: new Date(instantMs(own.createdAt)) } : null,
    };
  }
}
