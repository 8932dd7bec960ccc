import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ParamNamer } from '../common/list-query.js';
import { SEARCHABLE_COLUMNS, searchDocument, termParts, unitToken, type SearchableCase } from '../cases/case-search.js';
import { pathIds, subtreeUpperBound } from '../common/tree.js';
import type { KeywordIndex } from './keyword-index.js';
import { singleLexeme, wordQuery, wordsOf } from './pg-words.js';

/** Entries written per transaction when flushing. */
const FLUSH_BATCH = 1_000;
/** How often each instance writes what intake queued, when no search asked first. */
const FLUSH_EVERY_MS = 500;
/** tsvector keeps positions up to this; a later token keeps this one (texts that long are not typed here). */
const MAX_POSITION = 16_383;

/** A lexeme as a tsvector or tsquery literal quotes it (tokens are letters and digits; quote anyway). */
const lexeme = (token: string) => (/['\\]/.test(token) ? `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${token}'`);

/** A case's tokens in order, each with its position (a longer word is found as a phrase, `<->`), and its 3- and 4-character words. */
export const tsvectorOf = (c: SearchableCase): string => tsvectorOfDocument(searchDocument(c));

/**
 * The same from the document (`searchDocument`, tokens separated by spaces), as the generator makes it;
 * with its three- and four-character words, without positions (pg-words.ts).
 */
export function tsvectorOfDocument(document: string): string {
  const tokens = document.split(' ').filter(Boolean);
  const positioned = tokens.map((t, i) => `${lexeme(t)}:${Math.min(i + 1, MAX_POSITION)}`);
  return [...positioned, ...[...wordsOf(tokens)].map(lexeme)].join(' ');
}

/** The tsquery of a term (case-search.ts: `termParts`) within these subtrees; null without a letter or digit. */
export function tsqueryOf(term: string, within: readonly string[] = []): string | null {
  const parts = termParts(term).map((p) => ('prefix' in p ? `${lexeme(p.prefix)}:*` : wordQuery(p.phrase, lexeme)));
  return parts.length ? [...parts, ...within.map((path) => lexeme(unitToken(path)))].map((p) => `(${p})`).join(' & ') : null;
}

/** The case's own unit, the last of its path (0 for none): its keyword counts' row (case_search_counts). */
export const ownUnit = (path: string | null | undefined): number => pathIds(path ?? '').pop() ?? 0;

/** The one lexeme a term is, when it is a single word of two to four characters; else null. */
function singleToken(term: string): string | null {
  const parts = termParts(term);
  return parts.length === 1 && 'phrase' in parts[0] ? singleLexeme(parts[0].phrase) : null;
}

/**
 * PostgreSQL: each case's tokens with their positions as a `tsvector` in `case_search`, under a GIN index.
 * A word of two to four characters is one lexeme (pg-words.ts), whose cases the GIN index gives without
 * rechecking positions, and whose count within any subtree is read from `case_search_counts` (kept by
 * triggers on this table: a count over the index fetched a row per match); a longer word is the phrase
 * of its pairs, which the positions confirm. Several instances share the queue: a flush
 * takes its batch with a row lock, so two never write the same entries, and one that waited sees the
 * other's entries once it has them.
 */
export class PostgresKeywordIndex implements KeywordIndex {
  private readonly timer: NodeJS.Timeout;
  private flushing?: Promise<number | null>;

  constructor(private readonly ds: DataSource) {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /** One flush at a time per instance; a caller arriving meanwhile waits for it, then flushes what is left. */
  async flush(): Promise<number | null> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    this.flushing = this.writePending();
    try {
      return await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  private async writePending(): Promise<number> {
    if (!this.ds.isInitialized) return 0;
    const [{ any }] = await this.ds.query(`SELECT EXISTS (SELECT 1 FROM case_search_pending) AS any`);
    if (!any) return 0;
    let written = 0;
    for (;;) {
      const n = await this.ds.transaction((m) => this.writeBatch(m));
      written += n;
      if (n < FLUSH_BATCH) return written;
    }
  }

  private async writeBatch(m: EntityManager): Promise<number> {
    // One statement that reads as a SELECT (TypeORM answers a DELETE with its count, not its rows).
    const rows: (SearchableCase & { id: number })[] = await m.query(
      `WITH claimed AS (DELETE FROM case_search_pending WHERE case_id IN (SELECT case_id FROM case_search_pending ORDER BY case_id LIMIT ${FLUSH_BATCH} FOR UPDATE) RETURNING case_id)
       SELECT ${SEARCHABLE_COLUMNS} FROM cases WHERE id IN (SELECT case_id FROM claimed)`,
    );
    if (rows.length) {
      // Its triggers keep case_search_counts in step, in this transaction (migration KeywordCounts).
      await m.query(
        `INSERT INTO case_search (case_id, doc, unit_id) SELECT * FROM unnest($1::integer[], $2::tsvector[], $3::integer[])
         ON CONFLICT (case_id) DO UPDATE SET doc = excluded.doc, unit_id = excluded.unit_id`,
        [rows.map((r) => r.id), rows.map(tsvectorOf), rows.map((r) => ownUnit(r.unitPath))],
      );
    }
    return rows.length;
  }

  condition(_qb: SelectQueryBuilder<any>, term: string, param: ParamNamer): string {
    const query = tsqueryOf(term);
    if (query) return `c.id IN (SELECT case_id FROM case_search WHERE doc @@ ${param(query)}::tsquery)`;
    const like = param(`%${term}%`);
    return `(c.title ILIKE ${like} OR c.reporterName ILIKE ${like} OR c.address ILIKE ${like} OR c.description ILIKE ${like})`;
  }

  async count(_qb: SelectQueryBuilder<any>, term: string, within: readonly string[]): Promise<number | null> {
    const token = singleToken(term);
    if (token !== null) return this.countToken(token, within);
    const query = tsqueryOf(term, within);
    if (!query) return null;
    const [{ n }] = await this.ds.query(`SELECT count(*)::integer AS n FROM case_search WHERE doc @@ $1::tsquery`, [query]);
    return n;
  }

  /**
   * A word's count from `case_search_counts`: the sum over the units of the innermost subtree
   * (the subtrees of `within` nest, or share no case), each unit's row read from the primary key.
   */
  private async countToken(token: string, within: readonly string[]): Promise<number> {
    const deepest = [...within].sort((a, b) => b.length - a.length)[0];
    if (deepest !== undefined && within.some((path) => !deepest.startsWith(path))) return 0;
    const [{ n }] =
      deepest === undefined
        ? await this.ds.query(`SELECT COALESCE(SUM(n), 0)::integer AS n FROM case_search_counts WHERE token = $1`, [token])
        : await this.ds.query(
            `SELECT COALESCE(SUM(k.n), 0)::integer AS n FROM grid_units u JOIN case_search_counts k ON k.token = $1 AND k.unit_id = u.id WHERE u.path >= $2 AND u.path < $3`,
            [token, deepest, subtreeUpperBound(deepest)],
          );
    return n;
  }

  async close() {
    clearInterval(this.timer);
    await this.flushing?.catch(() => undefined);
  }
}
