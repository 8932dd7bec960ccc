/**
 * A large load on PostgreSQL (at least as many cases as the table holds) in one transaction: the secondary
 * indexes of the tables it fills are dropped first and built again at the end from their own definitions
 * (a sorted build is many times cheaper than a million insertions into each), their foreign keys are
 * dropped and added back (checked by one join each instead of a lookup per row), and the tallies' trigger is
 * off meanwhile, the tallies counted again once at the end. PostgreSQL's DDL is transactional, so a load
 * that fails or is killed leaves the database as it was, indexes included; one that is stopped (Ctrl-C)
 * commits what it wrote. The tables stay locked for the load: intake waits for it (it would
 * wait for each batch's index writes otherwise).
 */
import type { PgClient } from './postgres-writer.js';

const TABLES = ['cases', 'case_events', 'case_chains', 'case_search'];

export class PgBulkSession {
  private dropped: { name: string; sql: string }[] = [];
  private foreignKeys: { tbl: string; name: string; def: string }[] = [];

  constructor(private readonly client: PgClient) {}

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
    // A crash loses the load at most, which the transaction does anyway: no wait for each commit's flush.
    await this.client.query('SET LOCAL synchronous_commit = off');
    const { rows } = await this.client.query(
      `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1) AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.tablename, i.indexname`,
      [TABLES],
    );
    this.dropped = rows as { name: string; sql: string }[];
    for (const i of this.dropped) await this.client.query(`DROP INDEX "${i.name}"`);
    // Each row's foreign keys are checked one lookup at a time (some twenty a case with its events); added
    // back at the end, each is checked for all rows by one join.
    this.foreignKeys = (
      await this.client.query(
        `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY 1, 2`,
        [TABLES],
      )
    ).rows as { tbl: string; name: string; def: string }[];
    for (const k of this.foreignKeys) await this.client.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT "${k.name}"`);
    await this.client.query('ALTER TABLE cases DISABLE TRIGGER cases_tally');
  }

  /** The indexes built again, the tallies counted, and the transaction committed; returns the phases' times. */
  async commit(): Promise<{ name: string; wallMs: number; cpuMs: null }[]> {
    const started = performance.now();
    await this.client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const i of this.dropped) await this.client.query(i.sql);
    for (const k of this.foreignKeys) await this.client.query(`ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.name}" ${k.def}`);
    const built = performance.now();
    await this.client.query('DELETE FROM case_tallies');
    await this.client.query(
      `INSERT INTO case_tallies (grid_unit_id, department_id, status, overdue, n) SELECT grid_unit_id, COALESCE(department_id, 0), status, overdue, COUNT(*) FROM cases GROUP BY 1, 2, 3, 4`,
    );
    await this.client.query('ALTER TABLE cases ENABLE TRIGGER cases_tally');
    await this.client.query('COMMIT');
    return [
      { name: `building ${this.dropped.length} indexes, checking ${this.foreignKeys.length} foreign keys`, wallMs: built - started, cpuMs: null },
      { name: 'counting the tallies', wallMs: performance.now() - built, cpuMs: null },
    ];
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }
}
