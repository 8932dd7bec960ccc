import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { CrudController } from '../common/crud.controller.js';
import type { RawListQuery } from '../common/list-query.js';
import { CONTENT_TYPE } from '../exports/download-headers.js';
import { AccessLogExportService } from './access-log-export.service.js';
import { AccessLogService } from './access-log.service.js';

class NoWrite {}

/** `GET /access-log.xlsx|.csv`: the log as a file; registered before the resource so `:id` cannot take these paths. */
@ApiTags('access-log')
@ApiBearerAuth()
@Controller()
export class AccessLogExportsController {
  constructor(private readonly exports: AccessLogExportService) {}

  @Get('access-log.xlsx')
  @Roles('admin')
  @ApiProduces(CONTENT_TYPE.xlsx)
  xlsx(@Query() query: RawListQuery, @CurrentUser() user: AuthUser, @Res() res: FastifyReply) {
    return this.exports.export('xlsx', query, user, res);
  }

  @Get('access-log.csv')
  @Roles('admin')
  @ApiProduces(CONTENT_TYPE.csv)
  csv(@Query() query: RawListQuery, @CurrentUser() user: AuthUser, @Res() res: FastifyReply) {
    return this.exports.export('csv', query, user, res);
  }
}

/** Who saw or exported personal data in full: read-only, for admins (CONTRACT.md `access-log`). */
@ApiTags('access-log')
@ApiBearerAuth()
@Controller('access-log')
export class AccessLogController extends CrudController({ resource: 'access-log', createDto: NoWrite, updateDto: NoWrite, read: ['admin'], write: ['admin'], deletable: false }) {
  constructor(readonly service: AccessLogService) {
    super();
  }
}
