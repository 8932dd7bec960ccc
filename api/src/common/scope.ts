import type { SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { subtreeUpperBound } from './tree.js';

/** Keeps rows whose unit path lies in the user's scope subtree (admins and unscoped users see all). */
export function scopeToUnit(qb: SelectQueryBuilder<any>, pathColumn: string, user: AuthUser) {
  if (user.role === 'admin' || !user.scopePath) return;
  qb.andWhere(`(${pathColumn} >= :scopeLo AND ${pathColumn} < :scopeHi)`, { scopeLo: user.scopePath, scopeHi: subtreeUpperBound(user.scopePath) });
}

export const inScope = (user: AuthUser, path: string) => user.role === 'admin' || !user.scopePath || path.startsWith(user.scopePath);
