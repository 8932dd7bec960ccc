import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { ParamNamer } from '../common/list-query.js';
import { ftsQuery } from '../cases/case-search.js';
import { countMatches, flushSearchBacklog } from './sqlite-search-backlog.js';
import { sqliteConnection } from '../database/sqlite-connection.js';
import type { KeywordIndex } from './keyword-index.js';

/** How long new cases' keyword entries wait to be written together. */
const FLUSH_DELAY_MS = 200;

/** Above this many matches, a keyword list walks the newest cases rather than fetching its matches. */
const MANY_MATCHES = 2_000;

/**
 * SQLite: an FTS5 table of each case's tokens (contentless, positions kept, so a word is a phrase), counted
 * and written on the driver's one connection, synchronously (sqlite-search-backlog.ts). The index alone
 * writes its backlog: at start and at shutdown (search.module.ts), before a keyword search, and a moment after
 * intake says it queued entries (`flushSoon`), together with those queued after them.
 */
export class SqliteKeywordIndex implements KeywordIndex {
  /** The count a list's search already took, for its `Content-Range` to reuse. */
  private readonly counted = new WeakMap<SelectQueryBuilder<any>, { match: string; n: number }>();

  private timer?: NodeJS.Timeout;

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

  flushSoon() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.db.open) return;
      // TypeORM holds a transaction on the connection: try again in a moment.
      if (flushSearchBacklog(this.db) === null) this.flushSoon();
    }, FLUSH_DELAY_MS);
    // Nothing is lost if the process ends first: the ids wait in the database for the next flush.
    this.timer.unref();
  }

  async close() {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.db?.open) flushSearchBacklog(this.db);
  }
}
