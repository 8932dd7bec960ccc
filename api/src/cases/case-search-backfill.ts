import type { QueryRunner } from 'typeorm';
import { sqliteConnection } from '../database/sqlite-connection.js';
import { SEARCHABLE_COLUMNS, searchDocument, searchTokens, type SearchableCase } from './case-search.js';

const BATCH = 2_000;

type Row = SearchableCase & { id: number };

/**
 * Fills the keyword index (case-search.ts) for every case already there: used once by the migration that
 * creates it, and by the generator after a bulk load. On SQLite it writes through the driver's own
 * connection with one prepared statement (a million cases in well under a minute), inside the caller's
 * transaction; on PostgreSQL in multi-row batches.
 */
export async function fillCaseSearch(q: QueryRunner, afterId = 0): Promise<number> {
  const pg = q.connection.options.type === 'postgres';
  let written = 0;
  if (!pg) {
    const db = sqliteConnection(q.connection);
    const read = db.prepare(`SELECT ${SEARCHABLE_COLUMNS} FROM cases WHERE id > ? ORDER BY id LIMIT ${BATCH}`);
    const write = db.prepare(`INSERT INTO case_search (rowid, body) VALUES (?, ?)`);
    for (let after = afterId; ; ) {
      const rows = read.all(after) as Row[];
      if (rows.length === 0) break;
      for (const r of rows) write.run(r.id, searchDocument(r));
      written += rows.length;
      after = rows[rows.length - 1].id;
    }
    return written;
  }
  for (let after = afterId; ; ) {
    const rows: Row[] = await q.query(`SELECT ${SEARCHABLE_COLUMNS} FROM cases WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [after]);
    if (rows.length === 0) break;
    const params: unknown[] = [];
    const tuples = rows.map((r) => {
      params.push(r.id, searchTokens(r));
      return `($${params.length - 1}::integer, $${params.length}::text[])`;
    });
    await q.query(`INSERT INTO case_search (case_id, tokens) VALUES ${tuples.join(', ')} ON CONFLICT (case_id) DO UPDATE SET tokens = excluded.tokens`, params);
    written += rows.length;
    after = Number(rows[rows.length - 1].id);
  }
  return written;
}
