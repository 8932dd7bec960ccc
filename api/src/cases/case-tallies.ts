/**
 * How many cases each grid unit holds per responsible unit, status and overdue flag, kept by the database
 * itself (triggers after every insert and every change of those, CaseTallies migration), so that the most common list
 * counts (everything in my community, what is in progress in this grid) are a sum over a few hundred
 * units instead of a count over hundreds of thousands of cases. `Content-Range` stays exact.
 */
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/crud.service.js';
import type { ParsedListQuery } from '../common/list-query.js';
import { subtreeUpperBound } from '../common/tree.js';
import { OPEN_STATUSES } from './case.constants.js';

/** The subtree both paths lie in, when one contains the other; null when they are disjoint. */
function narrower(a: string | null, b: string | null): string | null | false {
  if (a === null) return b;
  if (b === null) return a;
  if (b.startsWith(a)) return b;
  if (a.startsWith(b)) return a;
  return false;
}

/**
 * The count of a case list from the tallies, when the list asks only for statuses, a responsible unit,
 * the overdue flag and a subtree (its own `unitId` and the user's scope; a handler's scope, and their
 * `mine`, is their unit); null for any other filter or a keyword (then the rows are counted).
 */
export async function countFromTallies(m: EntityManager, parsed: ParsedListQuery, ctx: RequestContext): Promise<number | null> {
  const { user } = ctx;
  const handler = user.role === 'handler';
  if (parsed.q !== undefined) return null;
  for (const c of parsed.conditions) {
    if (c.field === 'status' && (c.op === 'eq' || c.op === 'in')) continue;
    if (c.field === 'departmentId' && c.op === 'eq') continue;
    return null;
  }
  const overdue = parsed.custom.find(([key]) => key === 'overdue')?.[1];
  if (parsed.custom.some(([key, value]) => !(key === 'unitId' || key === 'overdue' || key === 'open' || (key === 'mine' && handler) || (key === 'mine' && (value === false || value === 'false'))))) return null;

  const scope = handler || user.role === 'admin' ? null : (user.scopePath ?? null);
  const unitFilter = parsed.custom.find(([key]) => key === 'unitId')?.[1];
  const subtree = narrower(scope, typeof unitFilter === 'string' ? unitFilter : null);
  if (subtree === false) return 0;
  // Several conditions on one column must all hold.
  // `open` is one more status condition: every open status, or the one named (the filter refuses any other).
  const open = parsed.custom.find(([key]) => key === 'open');
  let statuses: string[] | null = open === undefined ? null : open[1] === true || open[1] === 'true' ? [...OPEN_STATUSES] : [String(open[1])];
  const departments = new Set<number>();
  if (handler) departments.add(user.departmentId ?? -1);
  for (const c of parsed.conditions) {
    if (c.field === 'departmentId') {
      departments.add(c.value === null ? 0 : Number(c.value));
      continue;
    }
    const list = c.op === 'in' ? (c.value as string[]) : [c.value as string];
    statuses = statuses === null ? list : statuses.filter((s) => list.includes(s));
  }
  if ((statuses !== null && statuses.length === 0) || departments.size > 1) return 0;

  // Named parameters, bound by the driver in its own spelling ($1 or ?, a boolean or 0/1): the same SQL on both engines.
  const params: Record<string, unknown> = {};
  const p = (v: unknown) => {
    const name = `t${Object.keys(params).length}`;
    params[name] = v;
    return `:${name}`;
  };
  const where: string[] = [];
  if (subtree !== null) where.push(`u.path >= ${p(subtree)} AND u.path < ${p(subtreeUpperBound(subtree))}`);
  if (statuses !== null) where.push(`t.status IN (${statuses.map(p).join(', ')})`);
  if (departments.size) where.push(`t.department_id = ${p([...departments][0])}`);
  if (overdue !== undefined) where.push(`t.overdue = ${p(overdue === true || overdue === 'true')}`);
  const [sql, bound] = m.connection.driver.escapeQueryWithParameters(
    `SELECT COALESCE(SUM(t.n), 0) AS n FROM case_tallies t${subtree !== null ? ' JOIN grid_units u ON u.id = t.grid_unit_id' : ''}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  const [row] = (await m.query(sql, bound)) as { n: number | string }[];
  return Number(row.n);
}
