import type { SelectQueryBuilder } from 'typeorm';
import type { ParamNamer } from './list-query.js';

/**
 * Materialized paths: `/1/5/12/`. A subtree is every path starting with its root's path, which is the
 * half-open range [`/1/5/`, `/1/50`) (`0` sorts right after `/`), so a B-tree index serves it on
 * SQLite and PostgreSQL alike, unlike LIKE.
 */
export function childPath(parentPath: string | null | undefined, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function subtreeUpperBound(path: string): string {
  return `${path.slice(0, -1)}0`;
}

export function whereInSubtree(qb: SelectQueryBuilder<any>, column: string, path: string, param: ParamNamer) {
  qb.andWhere(`(${column} >= ${param(path)} AND ${column} < ${param(subtreeUpperBound(path))})`);
}

export const isInSubtree = (path: string, rootPath: string) => path.startsWith(rootPath);

/** Ids along a path, root first: `/1/5/12/` → [1, 5, 12]. */
export const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);
