import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CrudService, RequestContext } from '../common/crud.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { fieldError, forbidden } from '../common/errors.js';
import { words } from '../common/localize.js';
import { namedQuery } from '../common/named-query.js';
import { isPublicEntry } from '../public/public-timeline.js';
import { appendEvents } from '../timeline/append-events.js';
import type { ListSpec } from '../common/list-query.js';
import { scopeThroughCase } from '../common/scope.js';
import { CASE_STATUSES, type CaseStatus } from './case.constants.js';
import { CaseEvent } from './case-event.entity.js';
import type { Role } from '../users/user.entity.js';

/**
 * Who may mark timeline entries public or internal: the one change staff make to a timeline. Declared as the
 * resource's write roles, so the console learns it from the user's permissions (`case-events: edit`).
 */
export const VISIBILITY_ROLES: Role[] = ['admin', 'supervisor', 'dispatcher', 'grid_worker'];

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
      visibility: { type: 'string', values: ['public', 'internal'] },
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

  /** Each entry says whether the resident sees it on the public page (`public`), beside its own mark (`visibility`). */
  protected override present(e: CaseEvent) {
    return { ...e, public: isPublicEntry(e) };
  }

  /**
   * Marks an entry public or internal for the public page. The mark is not part of what happened (the chain's
   * hash does not cover it), but setting it is: an event of its own records who changed it, from what.
   */
  async setVisibility(id: number, visibility: unknown, user: AuthUser) {
    if (visibility !== 'public' && visibility !== 'internal') throw fieldError('visibility', 'oneOf', { values: ['public', 'internal'] });
    if (!VISIBILITY_ROLES.includes(user.role)) throw forbidden('roleMayNot', { action: words('any', 'set_visibility') });
    const e = await this.findOrThrow(id, user);
    if (e.action === 'set_visibility') throw fieldError('visibility', 'visibilityOfMark');
    await this.ds.transaction(async (m) => {
      const [c] = await namedQuery<{ status: CaseStatus }>(m, `SELECT "status" FROM "cases" WHERE "id" = :id`, { id: e.caseId });
      await namedQuery(m, `UPDATE "case_events" SET "visibility" = :visibility WHERE "id" = :id`, { visibility, id });
      const data = { eventId: id, action: e.action, from: isPublicEntry(e) ? 'public' : 'internal', to: visibility };
      await appendEvents(m, e.caseId, [{ caseId: e.caseId, action: 'set_visibility', fromStatus: c.status, toStatus: c.status, actorId: user.id, note: null, data, createdAt: new Date() }]);
    });
    return this.get(id, user);
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
