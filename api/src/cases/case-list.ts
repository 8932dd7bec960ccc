import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../common/crud.service.js';
import { fieldError } from '../common/errors.js';
import { CHANNEL_GROUPS, type ChannelGroup } from '../channels/channel.entity.js';
import type { ListSpec, ParsedListQuery } from '../common/list-query.js';
import { whereInSubtree } from '../common/tree.js';
import { MEASURE_NAMES, MEASURES, type Measure } from './case-measures.js';
import type { KeywordIndex } from '../search/keyword-index.js';
import type { SqlDialect } from '../database/sql-dialect.js';
import { countFromTallies } from './case-tallies.js';
import { findsByExactPhone, PHONE_TERM } from './phone-access.js';
import { BOUNCE_FLAG_AFTER, CASE_STATUSES, CASE_TYPES, OPEN_STATUSES, OPEN_STATUSES_SQL, PRIORITIES, SATISFACTIONS, SUPERVISE_LEVELS, type CaseStatus } from './case.constants.js';

/** A true/false filter value (react-admin sends booleans; a hand-written URL may send strings). */
function bool(value: unknown, field: string): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw fieldError(field, 'boolean');
}

/**
 * The count of a keyword list from the index alone, when the list asks for nothing else than the word
 * within a subtree (its `unitId` and the user's scope, both as unit tokens); not for number-like terms
 * (those also match case numbers) nor for a handler (whose scope is their unit's cases).
 */
function countFromSearch(keywords: KeywordIndex, parsed: ParsedListQuery, ctx: RequestContext, qb: SelectQueryBuilder<any>): Promise<number | null> | null {
  if (parsed.q === undefined || ctx.user.role === 'handler' || /^[\d-]+$/.test(parsed.q)) return null;
  if (parsed.conditions.length || parsed.custom.some(([key]) => key !== 'unitId')) return null;
  const within: string[] = [];
  if (ctx.user.role !== 'admin' && ctx.user.scopePath) within.push(ctx.user.scopePath);
  const unit = parsed.custom.find(([key]) => key === 'unitId')?.[1];
  if (typeof unit === 'string') within.push(unit);
  return keywords.count(qb, parsed.q, within);
}

/** What the case list can be filtered and sorted by (CONTRACT.md), in one table; words through `keywords`, the engine's spellings through `sql`. */
export const caseListSpec = (keywords: KeywordIndex, sql: SqlDialect): ListSpec<RequestContext> => ({
  alias: 'c',
  defaultSort: ['receivedAt', 'DESC'],
  // Every case index but the unique ones ends with the time of receipt (case.entity.ts).
  tieBreak: ['receivedAt'],
  fastCount: async (m, parsed, ctx, qb) => (await countFromTallies(m, parsed, ctx)) ?? countFromSearch(keywords, parsed, ctx, qb),
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
    // 挂起 and 申诉 waiting on a supervisor (or running), each read through its small partial index.
    pauseState: { type: 'string', values: ['requested', 'paused'] },
    appealState: { type: 'string', values: ['pending', 'upheld', 'rejected'] },
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
    receivedAt: { type: 'instant' },
    signDueAt: { type: 'instant' },
    responseDueAt: { type: 'instant' },
    resolveDueAt: { type: 'instant' },
    dispatchedAt: { type: 'instant' },
    closedAt: { type: 'instant' },
    updatedAt: { type: 'instant' },
    title: { type: 'string', filterable: false },
  },
  custom: {
    unitId: (qb, value, ctx, param) => whereInSubtree(qb, 'c.unitPath', value, param, ctx.broad),
    // The stored flags, kept by the workflow at every write and by the overdue scan as clocks run out.
    overdue: (qb, value, _ctx, param) => {
      qb.andWhere(`c.overdue = ${param(bool(value, 'filter.overdue'))}`);
    },
    // The cases a report's figure is made of (cases/case-measures.ts): one name or several (all must hold).
    measure: (qb, value, ctx) => {
      const names = Array.isArray(value) ? value : [value];
      for (const n of names) {
        if (!MEASURE_NAMES.includes(n as Measure)) throw fieldError('filter.measure', 'oneOf', { values: MEASURE_NAMES });
        qb.andWhere(MEASURES[n as Measure], { measureNow: ctx.now, measureTrue: true });
      }
    },
    // A whole channel group (12345 calls, online messages...): the group's few channels, each served by the
    // channel index (idx_cases_channel_received), the way a plain channelId list is.
    channelGroup: (qb, value, _ctx, param) => {
      const groups = Array.isArray(value) ? value : [value];
      const bad = groups.find((g) => !CHANNEL_GROUPS.includes(g as ChannelGroup));
      if (bad !== undefined || !groups.length) throw fieldError('filter.channelGroup', 'oneOf', { values: CHANNEL_GROUPS });
      qb.andWhere(`c.channelId IN (SELECT ch.id FROM channels ch WHERE ch."group" IN (${groups.map((g) => param(g)).join(', ')}))`);
    },
    // A caller's whole number, exact (idx_cases_repeat leads with it), for those who see it in full on the case;
    // the parser has already refused it to anyone else, and any operator but equality (common/masked-fields.ts).
    reporterPhone: (qb, value, ctx, param) => {
      if (typeof value !== 'string' || !value.trim()) throw fieldError('filter.reporterPhone', 'phoneNumber');
      qb.andWhere(`c.reporterPhone = ${param(value.replace(/\s/g, ''))}`);
      ctx.lookedUpBy = 'by-phone';
    },
    // The open cases (a hundredth of them at a million), or those of one open status, as 我的待办's tabs ask:
    // written out as the partial index idx_cases_open states its condition, since SQLite matches it term for term
    // (sql-dialect.ts: `valueOfSet`),
    // and the status as a literal (one of a fixed list), whose sampled statistics then show how few rows the small
    // index holds for it (with a bound value, SQLite preferred the larger status indexes and sorted their rows).
    open: (qb, value) => {
      const status = value === true || value === 'true' ? null : value;
      if (status !== null && !OPEN_STATUSES.includes(status as CaseStatus)) throw fieldError('filter.open', 'oneOf', { values: ['true', ...OPEN_STATUSES] });
      qb.andWhere(status === null ? `c.status IN ${OPEN_STATUSES_SQL}` : sql.valueOfSet('c.status', OPEN_STATUSES_SQL, `'${status as CaseStatus}'`));
    },
    // 多次退单: open cases sent back more than BOUNCE_FLAG_AFTER times, as idx_cases_bounced states its condition.
    bounced: (qb, value) => {
      qb.andWhere(bool(value, 'filter.bounced') ? `c.returnCount > ${BOUNCE_FLAG_AFTER} AND c.status IN ${OPEN_STATUSES_SQL}` : `c.returnCount <= ${BOUNCE_FLAG_AFTER}`);
    },
    extensionPending: (qb, value) => {
      qb.andWhere(bool(value, 'filter.extensionPending') ? 'c.extensionDaysPending IS NOT NULL' : 'c.extensionDaysPending IS NULL');
    },
    mine: (qb, value, ctx, param) => {
      if (!bool(value, 'filter.mine')) return;
      const { user } = ctx;
      // A handler's scope is already their unit's cases: all of them are theirs to work on.
      if (user.role === 'handler') return;
      if (user.departmentId) qb.andWhere(`(c.assigneeId = ${param(user.id)} OR c.departmentId = ${param(user.departmentId)})`);
      else qb.andWhere(`(c.assigneeId = ${param(user.id)} OR c.createdById = ${param(user.id)})`);
    },
  },
  // Words through the keyword index (search/keyword-index.ts), case numbers by prefix on their unique index.
  search: (qb, term, param, ctx) => {
    // Case numbers are digits and a hyphen (20261015-0012): only such a term can be the start of one.
    // A whole phone number also finds the cases of that caller, for those who see phones in full.
    const byPhone = PHONE_TERM.test(term) && findsByExactPhone(ctx.masked);
    if (byPhone) ctx.lookedUpBy = 'by-phone';
    const exact = [/^[\d-]+$/.test(term) ? `c.number LIKE ${param(`${term}%`)}` : null, byPhone ? `c.reporterPhone = ${param(term)}` : null].filter(Boolean);
    const either = (cond: string) => qb.andWhere(exact.length ? `(${[...exact, cond].join(' OR ')})` : cond);
    either(keywords.condition(qb, term, param));
  },
});
