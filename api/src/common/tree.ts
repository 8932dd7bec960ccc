import type { SelectQueryBuilder } from 'typeorm';
import { fieldError } from './errors.js';
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

/**
 * `path` comes from a filter (resolved from a unit id by the grid service): anything else is the caller's mistake.
 * `unindexed`: written so that no index serves the range (see `unindexed`).
 */
export function whereInSubtree(qb: SelectQueryBuilder<any>, column: string, path: unknown, param: ParamNamer, unindexed = false) {
  if (typeof path !== 'string' || !/^(\/\d+)+\/$/.test(path)) throw fieldError('filter.unitId', 'gridUnitId');
  const c = unindexed ? unindexedColumn(column) : column;
  qb.andWhere(`(${c} >= ${param(path)} AND ${c} < ${param(subtreeUpperBound(path))})`);
}

/**
 * A text column as an expression no index serves, on either engine: a subtree holding a large share of the
 * cases is then checked row by row along the index of the list's sort, which finds a page in a few hundred
 * rows, instead of its whole range being read from the path index and sorted (SQLite's planner chooses the
 * range whatever the LIMIT: 400–700 ms for a grid worker's 108,000 cases of a million, sorted by title).
 */
export const unindexedColumn = (column: string) => `(${column} || '')`;

export const isInSubtree = (path: string, rootPath: string) => path.startsWith(rootPath);

/** Ids along a path, root first: `/1/5/12/` → [1, 5, 12]. */
export const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

export const NAME_SEPARATOR = ' / ';

interface TreeRow {
  id: number;
  name: string;
  parentId: number | null;
  path: string;
  fullName: string;
}

/**
 * Where a new or edited node sits: refuses a parent inside its own subtree, and derives the full name.
 * The path needs the row's id, so a new row gets a placeholder that `settlePath` completes.
 */
export function placeNode(parent: TreeRow | null, before: TreeRow | undefined, name: string, parentChanged: boolean, isCycle: () => never) {
  if (parent && before && parent.path.startsWith(before.path)) isCycle();
  return {
    path: before && !parentChanged ? before.path : '',
    fullName: parent ? `${parent.fullName}${NAME_SEPARATOR}${name}` : name,
  };
}

/**
 * After a write: gives the row its final path and, when its path or name changed, carries both down to
 * every descendant in one statement. Returns the old and new path for callers that copy paths elsewhere.
 */
export async function settlePath(m: import('typeorm').EntityManager, target: new () => TreeRow, row: TreeRow, parentPath: string | null, before: TreeRow | undefined) {
  const path = childPath(parentPath, row.id);
  if (row.path !== path) await m.update(target, row.id, { path } as never);
  const moved = !!before && (before.path !== path || before.fullName !== row.fullName);
  if (moved) {
    await m
      .createQueryBuilder()
      .update(target)
      .set({ path: () => `:path || substr(path, :n)`, fullName: () => `:fullName || substr(full_name, :oldName)` } as never)
      .where('path >= :lo AND path < :hi AND id <> :id', { lo: before.path, hi: subtreeUpperBound(before.path), id: row.id, path, n: before.path.length + 1, fullName: row.fullName, oldName: before.fullName.length + 1 })
      .execute();
  }
  return { moved: moved && before!.path !== path, oldPath: before?.path, path };
}
