import type { RequestContext } from '../common/crud.service.js';
import { fieldError } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { whereInSubtree } from '../common/tree.js';
import { MEASURE_NAMES, MEASURES, type Measure } from '../reports/measures.js';
import { CASE_STATUSES, CASE_TYPES, PRIORITIES, SATISFACTIONS, SUPERVISE_LEVELS } from './case.constants.js';

/** A true/false filter value (react-admin sends booleans; a hand-written URL may send strings). */
function bool(value: unknown, field: string): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw fieldError(field, 'must be true or false');
}

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
    signOverdue: { type: 'boolean' },
    responseOverdue: { type: 'boolean' },
    resolveOverdue: { type: 'boolean' },
    parentCaseId: { type: 'int' },
    communityId: { type: 'int' },
    gridId: { type: 'int' },
    isRepeat: { type: 'boolean' },
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
    // The stored flags, kept by the workflow at every write and by the overdue scan as clocks run out.
    overdue: (qb, value, _ctx, param) => {
      qb.andWhere(`c.overdue = ${param(bool(value, 'filter.overdue'))}`);
    },
    // The cases a report's figure is made of (reports/measures.ts): one name or several (all must hold).
    measure: (qb, value, ctx) => {
      const names = Array.isArray(value) ? value : [value];
      for (const n of names) {
        if (!MEASURE_NAMES.includes(n as Measure)) throw fieldError('filter.measure', `must be one of ${MEASURE_NAMES.join(', ')}`);
        qb.andWhere(MEASURES[n as Measure], { measureNow: ctx.now, measureTrue: true });
      }
    },
    extensionPending: (qb, value) => {
      qb.andWhere(bool(value, 'filter.extensionPending') ? 'c.extensionDaysPending IS NOT NULL' : 'c.extensionDaysPending IS NULL');
    },
    mine: (qb, value, ctx, param) => {
      if (!bool(value, 'filter.mine')) return;
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
