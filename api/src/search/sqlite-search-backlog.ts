/**
 * SQLite: intake leaves a new case's keyword entry (cases/case-search.ts) to be written a moment later, together
 * with the others', in a transaction of its own. FTS5 writes a new segment of its index at every commit and
 * merges segments as they pile up, so an entry written in intake's own small commit cost as much as the
 * rest of the case; written by the hundred it costs a fraction of that.
 *
 * Nothing is lost and nothing is missed: the case's id goes into `case_search_pending` in intake's
 * transaction, and the keyword index (sqlite-keyword-index.ts, the only caller) writes the entries and empties
 * it in one transaction: a moment after intake, before any keyword search looks (so a case is found by its
 * words as soon as intake has answered), and at the next start after a crash. An entry is written from the
 * case as it is then.
 */
import type { Database, Statement } from 'better-sqlite3';
import { SEARCHABLE_COLUMNS, searchDocument, type SearchableCase } from '../cases/case-search.js';

/** Entries written per transaction when flushing. */
const FLUSH_BATCH = 2_000;

export const QUEUE_SQL = `INSERT OR IGNORE INTO case_search_pending (case_id) VALUES (?)`;

interface Statements {
  count: Statement;
  any: Statement;
  next: Statement;
  rows: Statement;
  remove: Statement;
  insert: Statement;
  done: Statement;
}

const prepared = new WeakMap<Database, Statements>();

function statementsOf(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    const next = `SELECT case_id FROM case_search_pending ORDER BY case_id LIMIT ${FLUSH_BATCH}`;
    s = {
      count: db.prepare('SELECT COUNT(*) FROM case_search WHERE case_search MATCH ?').pluck(),
      any: db.prepare('SELECT 1 FROM case_search_pending LIMIT 1'),
      next: db.prepare(next).pluck(),
      rows: db.prepare(`SELECT ${SEARCHABLE_COLUMNS} FROM cases WHERE id IN (${next})`),
      remove: db.prepare('DELETE FROM case_search WHERE rowid = ?'),
      insert: db.prepare('INSERT INTO case_search (rowid, body) VALUES (?, ?)'),
      done: db.prepare('DELETE FROM case_search_pending WHERE case_id <= ?'),
    };
    prepared.set(db, s);
  }
  return s;
}

/**
 * Writes the pending entries, in transactions of their own. Returns how many, or null when it could not
 * run: a transaction is open on the connection (TypeORM's, across awaits), which the flush must not join.
 */
export function flushSearchBacklog(db: Database): number | null {
  if (db.inTransaction) return null;
  const s = statementsOf(db);
  if (s.any.get() === undefined) return 0;
  let written = 0;
  const batch = db.transaction(() => {
    const ids = s.next.all() as number[];
    if (ids.length === 0) return 0;
    // A case rewritten since intake (its words corrected) is indexed as it is now; its old entry goes first.
    for (const c of s.rows.all() as (SearchableCase & { id: number })[]) {
      s.remove.run(c.id);
      s.insert.run(c.id, searchDocument(c));
    }
    s.done.run(ids[ids.length - 1]);
    return ids.length;
  });
  for (;;) {
    const n = batch.immediate();
    written += n;
    if (n < FLUSH_BATCH) return written;
  }
}

/**
 * How many cases an FTS5 query matches (on SQLite's one connection, at once: a few ms at most), the entries
 * still waiting written first: every keyword list counts before it looks, so it finds a case as soon as
 * intake has answered.
 */
export function countMatches(db: Database, match: string): number {
  flushSearchBacklog(db);
  return statementsOf(db).count.get(match) as number;
}
