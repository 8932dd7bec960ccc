/**
 * The keyword index of cases (cases/case-search.ts says how Chinese text is cut into tokens), one interface
 * with an implementation per engine, chosen once when the module is built (search.module.ts): SQLite keeps
 * an FTS5 table, PostgreSQL a `tsvector` per case under a GIN index. Both find a word as the phrase of its
 * character pairs, so both find exactly the cases whose text contains it.
 *
 * Writers never touch the index itself: whatever changes a case's words or units queues its id in
 * `case_search_pending`, in the writer's own transaction (the same SQL on both engines, below), and the
 * index writes the entries later in batches: a moment after, before any keyword search looks, and at start.
 * One place writes entries, nothing is lost if a process stops, and no writer waits on a GIN or FTS5 page.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ParamNamer } from '../common/list-query.js';

export const KEYWORD_INDEX = Symbol('KeywordIndex');

export interface KeywordIndex {
  /** Writes the entries waiting in `case_search_pending`; null when it cannot run now (try again later). */
  flush(): Promise<number | null>;
  /**
   * The condition "case `c` contains the term" for a list query, with its parameters named by `param`:
   * through the index when the term has a letter or digit, else a plain substring match.
   */
  condition(qb: SelectQueryBuilder<any>, term: string, param: ParamNamer): string;
  /** How many cases contain the term within all of these subtrees (unit paths), from the index alone. */
  count(qb: SelectQueryBuilder<any>, term: string, within: readonly string[]): Promise<number | null>;
  /**
   * A writer committed queued entries: write them within a moment, with those queued meanwhile. An index that
   * writes on a timer of its own anyway (PostgreSQL's, every instance sharing the queue) leaves it out.
   */
  flushSoon?(): void;
  /** At shutdown, while the connection is still open. */
  close(): Promise<void>;
}

/**
 * Queues cases for (re)indexing in the caller's transaction: those with these ids, or every case under a
 * unit path (its units moved). `INSERT … SELECT … WHERE … ON CONFLICT DO NOTHING` reads the same on SQLite
 * (3.24 and later) and PostgreSQL.
 */
async function queue(m: EntityManager, where: string, params: Record<string, unknown>): Promise<void> {
  const [sql, bound] = m.connection.driver.escapeQueryWithParameters(`INSERT INTO case_search_pending (case_id) SELECT id FROM cases WHERE ${where} ON CONFLICT DO NOTHING`, params);
  await m.query(sql, bound);
}

/** After these cases' words changed, or they were written. */
export const queueForIndex = (m: EntityManager, ids: readonly number[]) => (ids.length ? queue(m, 'id IN (:...ids)', { ids }) : Promise.resolve());

/** Every case from this id on (a bulk load): written by the next flush, here or in a running server. */
export const queueFrom = (m: EntityManager, firstId: number) => queue(m, 'id >= :firstId', { firstId });

/** After the units of every case under `lo` (up to `hi`) moved: the index knows each case's units. */
export const queueSubtree = (m: EntityManager, lo: string, hi: string) => queue(m, 'unit_path >= :lo AND unit_path < :hi', { lo, hi });
