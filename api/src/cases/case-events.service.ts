import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { forbidden } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { scopeThroughCase } from '../common/scope.js';
import { CASE_STATUSES } from './case.constants.js';
import { CaseEvent } from './case-event.entity.js';

/** The timeline, read-only: events are written only by intake and the workflow. */
@Injectable()
export class CaseEventsService extends CrudService<CaseEvent> {
  protected readonly label = 'Case event';
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'e',
    defaultSort: ['id', 'ASC'],
    fields: {
      id: { type: 'int' },
      caseId: { type: 'int' },
      action: { type: 'string' },
      fromStatus: { type: 'string', values: CASE_STATUSES },
      toStatus: { type: 'string', values: CASE_STATUSES },
      actorId: { type: 'int' },
      createdAt: { type: 'instant' },
    },
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(CaseEvent));
  }

  /** An event is visible to whoever may see its case. */
  protected override scope(qb: SelectQueryBuilder<CaseEvent>, ctx: RequestContext) {
    scopeThroughCase(qb, 'e.case', ctx.user);
  }

  override async create(): Promise<never> {
    throw forbidden('timelineWrittenByWorkflow');
  }
  override async update(): Promise<never> {
    throw forbidden('timelineUnchangeable');
  }
  override async remove(): Promise<never> {
    throw forbidden('timelineUndeletable');
  }
}
