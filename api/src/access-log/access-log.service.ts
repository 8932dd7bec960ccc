import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { forbidden } from '../common/errors.js';
import type { ListSpec, RawListQuery } from '../common/list-query.js';
import { ACCESS_ACTIONS, AccessLogEntry } from './access-log.entity.js';
import { AccessLogWriter } from './access-log.writer.js';

/** The access log as a read-only resource for admins: filtered by user, action, resource and time. */
@Injectable()
export class AccessLogService extends CrudService<AccessLogEntry> {
  protected readonly label = 'Access log entry';
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'a',
    defaultSort: ['at', 'DESC'],
    fields: {
      id: { type: 'int' },
      at: { type: 'instant' },
      userId: { type: 'int' },
      action: { type: 'string', values: ACCESS_ACTIONS },
      resource: { type: 'string' },
      recordId: { type: 'int' },
      rows: { type: 'int' },
      detail: { type: 'string', filterable: false },
    },
  };

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly writer: AccessLogWriter,
  ) {
    super(ds, ds.getRepository(AccessLogEntry));
  }

  override async list(raw: RawListQuery, user: AuthUser) {
    await this.writer.settled();
    return super.list(raw, user);
  }

  override async create(): Promise<never> {
    throw forbidden('accessLogReadOnly');
  }
  override async update(): Promise<never> {
    throw forbidden('accessLogReadOnly');
  }
  override async remove(): Promise<never> {
    throw forbidden('accessLogReadOnly');
  }
}
