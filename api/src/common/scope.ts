import type { SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { subtreeUpperBound, unindexedColumn } from './tree.js';

/** Keeps rows whose unit path lies in the user's scope subtree (admins and unscoped users see all). */
export function scopeToUnit(qb: SelectQueryBuilder<any>, pathColumn: string, user: AuthUser, unindexed = false) {
  if (user.role === 'admin' || !user.scopePath) return;
  const c = unindexed ? unindexedColumn(pathColumn) : pathColumn;
  qb.andWhere(`(${c} >= :scopeLo AND ${c} < :scopeHi)`, { scopeLo: user.scopePath, scopeHi: subtreeUpperBound(user.scopePath) });
}

export const inScope = (user: AuthUser, path: string) => user.role === 'admin' || !user.scopePath || path.startsWith(user.scopePath);

/**
 * Keeps rows that belong to a case the user may see (timeline events, attachments): a handler sees their
 * unit's cases, everyone else their scope subtree. `relation` is the row's `case` relation (`e.case`).
 */
export function scopeThroughCase(qb: SelectQueryBuilder<any>, relation: string, user: AuthUser) {
  if (user.role === 'admin' || (user.role !== 'handler' && !user.scopePath)) return;
  qb.innerJoin(relation, 'sc');
  if (user.role === 'handler') qb.andWhere('sc.departmentId = :scDept', { scDept: user.departmentId ?? -1 });
  else qb.andWhere('sc.unitPath >= :scLo AND sc.unitPath < :scHi', { scLo: user.scopePath, scHi: subtreeUpperBound(user.scopePath!) });
}
