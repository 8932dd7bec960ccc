/**
 * Appends a large count to a table with the server's parallel workers. PostgreSQL (up to 16 at least)
 * never plans an INSERT … SELECT in parallel, where it does a CREATE TABLE … AS: the rows are made into a
 * temporary table by the leader and its workers, then appended from there (a few hundred thousand rows
 * where the count read millions). The workers are part of the caller's transaction and see its rows, so
 * a bulk load counted this way still commits or rolls back as one (pg-bulk-session.ts); a temporary table
 * is neither WAL-logged nor seen by anyone else, and is dropped at once (or at the end of the transaction).
 */
import { quotedNames } from '../database/sql-dialect.js';
import type { PgClient } from './postgres-writer.js';

const PART = 'bulk_load_part';

/** `select`'s rows appended to `table`'s `columns` (in that order), sorted by `orderBy` when given. */
export async function appendInParallel(client: PgClient, table: string, columns: string[], select: string, orderBy = ''): Promise<void> {
  const named = quotedNames(columns);
  await client.query(`CREATE TEMP TABLE ${PART} (${named}) ON COMMIT DROP AS ${select}`);
  await client.query(`INSERT INTO "${table}" (${named}) SELECT * FROM ${PART}${orderBy ? ` ORDER BY ${orderBy}` : ''}`);
  await client.query(`DROP TABLE ${PART}`);
}
