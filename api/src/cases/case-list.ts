import type { RequestContext } from '../common/crud.service.js';
import { fieldError } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { whereInSubtree } from '../common/tree.js';
import { overdueSql } from '../workflow/clocks.js';
import { CASE_STATUSES, CASE_TYPES, OPEN_STATUSES, PRIORITIES, SATISFACTIONS, SUPERVISE_LEVELS } from './case.constants.js';

/** What the case list can be filtered and sorted by (CONTRACT.md), in one table. */
export const CASE_LIST_SPEC: ListSpec<RequestContext> = {
  alias: 'c',
  defaultSort: ['receivedAt', 'DESC'],
  fields: {
    id: { type: 'int' },
    number: { type: 'string' },
    type: { type: 'string', values: CASE_TYPES },
    channelId: { type: 'int' },
    categoryId: { type: 'int' },
    gridUnitId: { type: 'int' },
    priority: { type: 'string', values: PRIORITIES },
    residentId: { type: 'int' },
    status: { type: 'string', values: CASE_STATUSES },
    departmentId: { type: 'int' },
    assigneeId: { type: 'int' },
    handledDirectly: { type: 'boolean' },
    keyPopulation: { type: 'boolean' },
    superviseLevel: { type: 'string', values: SUPERVISE_LEVELS },
    satisfaction: { type: 'string', values: SATISFACTIONS },
    resolved: { type: 'boolean' },
    parentCaseId: { type: 'int' },
    createdById: { type: 'int' },
    reporterPhone: { type: 'string', sortable: false },
    receivedAt: { type: 'instant' },
    responseDueAt: { type: 'instant' },
    resolveDueAt: { type: 'instant' },
    dispatchedAt: { type: 'instant' },
    closedAt: { type: 'instant' },
    updatedAt: { type: 'instant' },
    title: { type: 'string', filterable: false },
  },
  custom: {
    unitId: (qb, value, _ctx, param) => whereInSubtree(qb, 'c.unitPath', value as string, param),
    overdue: (qb, value, ctx, param) => {
      if (value !== true && value !== false && value !== 'true' && value !== 'false') throw fieldError('filter.overdue', 'must be true or false');
      const open = OPEN_STATUSES.map((s) => param(s)).join(', ');
      const sql = overdueSql(open, param(ctx.now));
      qb.andWhere(value === true || value === 'true' ? sql : `NOT ${sql}`);
    },
    mine: (qb, value, ctx, param) => {
      if (value !== true && value !== false && value !== 'true' && value !== 'false') throw fieldError('filter.mine', 'must be true or false');
      if (value === false || value === 'false') return;
      const { user } = ctx;
      if (user.departmentId) qb.andWhere(`(c.assigneeId = ${param(user.id)} OR c.departmentId = ${param(user.departmentId)})`);
      else qb.andWhere(`(c.assigneeId = ${param(user.id)} OR c.createdById = ${param(user.id)})`);
    },
  },
  search: (qb, term, param) => {
    const like = param(`%${term}%`);
    qb.andWhere(`(c.number LIKE ${param(`${term}%`)} OR c.title LIKE ${like} OR c.reporterName LIKE ${like} OR c.address LIKE ${like} OR c.description LIKE ${like})`);
  },
};
