import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { ParamNamer } from '../common/list-query.js';
import { ftsQuery } from '../cases/case-search.js';
import { countMatches, flushSearchBacklog } from '../cases/search-backlog.js';
import { sqliteConnection } from '../database/sqlite-connection.js';
import type { KeywordIndex } from './keyword-index.js';

/** Above this many matches, a keyword list walks the newest cases rather than fetching its matches. */
const MANY_MATCHES = 2_000;

/**
 * SQLite: an FTS5 table of each case's tokens (contentless, positions kept, so a word is a phrase), counted
 * and written on the driver's one connection, synchronously (cases/search-backlog.ts).
 */
export class SqliteKeywordIndex implements KeywordIndex {
  /** The count a list's search already took, for its `Content-Range` to reuse. */
  private readonly counted = new WeakMap<SelectQueryBuilder<any>, { match: string; n: number }>();

  constructor(private readonly ds: DataSource) {}

  private get db() {
    return sqliteConnection(this.ds);
  }

  async flush() {
    return flushSearchBacklog(this.db);
  }

  condition(qb: SelectQueryBuilder<any>, term: string, param: ParamNamer): string {
    const match = ftsQuery(term);
    if (!match) {
      const like = param(`%${term}%`);
      return `(c.title LIKE ${like} OR c.reporterName LIKE ${like} OR c.address LIKE ${like} OR c.description LIKE ${like})`;
    }
    // How many cases have the word decides the plan: a few are fetched by id and sorted; for many
    // (电梯, a tenth of all cases) the newest cases are walked in order and checked against the
    // matches, which finds a page at once (the unary + keeps SQLite from fetching them all by id).
    const n = countMatches(this.db, match);
    this.counted.set(qb, { match, n });
    return `${n > MANY_MATCHES ? '+' : ''}c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ${param(match)})`;
  }

  async count(qb: SelectQueryBuilder<any>, term: string, within: readonly string[]) {
    const match = ftsQuery(term, within);
    if (!match) return null;
    const known = this.counted.get(qb);
    return known?.match === match ? known.n : countMatches(this.db, match);
  }

  async close() {
    if (this.db?.open) flushSearchBacklog(this.db);
  }
}
