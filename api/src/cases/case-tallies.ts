/**
 * How many cases each grid unit holds in each status, kept by the database itself (triggers after every
 * insert and every change of status or unit, CaseTallies migration), so that the most common list
 * counts (everything in my community, what is in progress in this grid) are a sum over a few hundred
 * units instead of a count over hundreds of thousands of cases. `Content-Range` stays exact.
 */
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/crud.service.js';
import type { ParsedListQuery } from '../common/list-query.js';
import { subtreeUpperBound } from '../common/tree.js';

/** The subtree both paths lie in, when one contains the other; null when they are disjoint. */
function narrower(a: string | null, b: string | null): string | null | false {
  if (a === null) return b;
  if (b === null) return a;
  if (b.startsWith(a)) return b;
  if (a.startsWith(b)) return a;
  return false;
}

/**
 * The count of a case list from the tallies, when the list asks only for statuses and a subtree (its
 * own `unitId` and the user's scope); null for any other filter, a keyword, or a handler (whose scope is
 * their unit's cases, which the tallies do not know).
 */
export async function countFromTallies(m: EntityManager, parsed: ParsedListQuery, ctx: RequestContext): Promise<number | null> {
  if (parsed.q !== undefined || ctx.user.role === 'handler') return null;
  if (parsed.conditions.some((c) => c.field !== 'status' || (c.op !== 'eq' && c.op !== 'in'))) return null;
  if (parsed.custom.some(([key]) => key !== 'unitId')) return null;
  const scope = ctx.user.role === 'admin' ? null : (ctx.user.scopePath ?? null);
  const unitFilter = parsed.custom.find(([key]) => key === 'unitId')?.[1];
  const subtree = narrower(scope, typeof unitFilter === 'string' ? unitFilter : null);
  if (subtree === false) return 0;
  // Several status conditions must all hold: a status in every list given.
  let statuses: string[] | null = null;
  for (const c of parsed.conditions) {
    const list = c.op === 'in' ? (c.value as string[]) : [c.value as string];
    statuses = statuses === null ? list : statuses.filter((s) => list.includes(s));
  }
  if (statuses !== null && statuses.length === 0) return 0;

  const pg = m.connection.options.type === 'postgres';
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return pg ? `$${params.length}` : '?';
  };
  const where: string[] = [];
  if (subtree !== null) where.push(`u.path >= ${p(subtree)} AND u.path < ${p(subtreeUpperBound(subtree))}`);
  if (statuses !== null) where.push(`t.status IN (${statuses.map(p).join(', ')})`);
  const sql = `SELECT COALESCE(SUM(t.n), 0) AS n FROM case_tallies t${subtree !== null ? ' JOIN grid_units u ON u.id = t.grid_unit_id' : ''}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const [row] = (await m.query(sql, params)) as { n: number | string }[];
  return Number(row.n);
}
