import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { RawListQuery } from '../common/list-query.js';
import { CaseExportService } from './case-export.service.js';
import { CONTENT_TYPE } from './download-headers.js';

/**
 * `GET /cases.xlsx` and `GET /cases.csv`: the case list as a file, with the list's `filter` and `sort`.
 * Registered before the cases resource so that nothing under `/cases` can take these paths.
 */
@ApiTags('cases')
@ApiBearerAuth()
@ApiQuery({ name: 'filter', type: String, required: false, description: 'JSON, as for GET /cases' })
@ApiQuery({ name: 'sort', type: String, required: false, description: 'JSON ["field","ASC"|"DESC"], as for GET /cases' })
@ApiQuery({ name: 'full', type: String, required: false, description: '1: whole phones and addresses (needs the export-personal-data permission; masked otherwise)' })
@Controller()
export class CaseExportsController {
  constructor(private readonly exports: CaseExportService) {}

  @Get('cases.xlsx')
  @ApiProduces(CONTENT_TYPE.xlsx)
  xlsx(@Query() query: RawListQuery & { full?: unknown }, @CurrentUser() user: AuthUser, @Res() res: FastifyReply) {
    return this.exports.export('xlsx', query, user, res);
  }

  @Get('cases.csv')
  @ApiProduces(CONTENT_TYPE.csv)
  csv(@Query() query: RawListQuery & { full?: unknown }, @CurrentUser() user: AuthUser, @Res() res: FastifyReply) {
    return this.exports.export('csv', query, user, res);
  }
}
