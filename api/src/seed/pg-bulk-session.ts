/**
 * A large load on PostgreSQL (at least as many cases as the table holds) in one transaction: the secondary
 * indexes of the tables it fills are dropped first and built again at the end from their own definitions
 * (a sorted build is many times cheaper than a million insertions into each), their foreign keys are
 * dropped and added back (checked by one join each instead of a lookup per row), and the tallies' trigger is
 * off meanwhile, the tallies and the keyword counts (case_search_counts) counted again once at the end. PostgreSQL's DDL is transactional, so a load
 * that fails or is killed leaves the database as it was, indexes included; one that is stopped (Ctrl-C)
 * commits what it wrote. The tables stay locked for the load: intake waits for it (it would
 * wait for each batch's index writes otherwise). That lock lets the load number its cases from memory: the
 * ids are reserved from the sequence at once, and the days' serials continue the counters, which are
 * locked too and moved past them at the end.
 */
import { MemoryNumbering, type NumberingStart } from './pg-copy-format.js';
import type { PgClient } from './postgres-writer.js';

const TABLES = ['cases', 'case_events', 'case_chains', 'case_search'];

export class PgBulkSession {
  private dropped: { name: string; sql: string }[] = [];
  private foreignKeys: { tbl: string; name: string; def: string }[] = [];
  /** The load's numbering as the writer's thread follows it (the worker keeps its own copy from the same start). */
  numbering: MemoryNumbering | null = null;

  constructor(private readonly client: PgClient) {}

  /** Starts the load of `count` cases at most; answers where its numbering starts. */
  async begin(count: number): Promise<NumberingStart> {
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
    // The keyword counts' triggers too (a sum per COPY of each batch's lexemes): counted once at the end.
    await this.client.query('ALTER TABLE case_search DISABLE TRIGGER USER');
    // Intake reserves serials in statements of its own (cases/serial-blocks.ts): it waits here until the end.
    await this.client.query('LOCK TABLE case_counters IN EXCLUSIVE MODE');
    const serials = (await this.client.query('SELECT day, last FROM case_counters')).rows.map((r): [string, number] => [String(r.day), Number(r.last)]);
    // The sequence is not transactional: the whole range is taken at once, and a load that stops early leaves a gap.
    const lastId = Number((await this.client.query(`SELECT setval('cases_id_seq', nextval('cases_id_seq') + $1 - 1) AS last`, [count])).rows[0].last);
    const start = { firstId: lastId - count + 1, lastId, serials };
    this.numbering = new MemoryNumbering(start);
    return start;
  }

  /** The indexes built again, the tallies counted, and the transaction committed; returns the phases' times. */
  async commit(): Promise<{ name: string; wallMs: number; cpuMs: null }[]> {
    const started = performance.now();
    await this.client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    for (const i of this.dropped) await this.client.query(i.sql);
    for (const k of this.foreignKeys) await this.client.query(`ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.name}" ${k.def}`);
    const built = performance.now();
    const taken = this.numbering?.lastSerials() ?? [];
    await this.client.query(
      `INSERT INTO case_counters (day, last) SELECT * FROM unnest($1::varchar[], $2::int[]) ON CONFLICT (day) DO UPDATE SET last = excluded.last`,
      [taken.map(([day]) => day), taken.map(([, last]) => last)],
    );
    await this.client.query('DELETE FROM case_tallies');
    await this.client.query(
      `INSERT INTO case_tallies (grid_unit_id, department_id, status, overdue, n) SELECT grid_unit_id, COALESCE(department_id, 0), status, overdue, COUNT(*) FROM cases GROUP BY 1, 2, 3, 4`,
    );
    await this.client.query('ALTER TABLE cases ENABLE TRIGGER cases_tally');
    await this.client.query('DELETE FROM case_search_counts');
    await this.client.query(`SET LOCAL work_mem = '256MB'`);
    await this.client.query(
      `INSERT INTO case_search_counts (token, unit_id, n) SELECT l.lexeme, s.unit_id, COUNT(*) FROM case_search s CROSS JOIN LATERAL unnest(s.doc) l WHERE char_length(l.lexeme) = 2 GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    await this.client.query('ALTER TABLE case_search ENABLE TRIGGER USER');
    await this.client.query('COMMIT');
    return [
      { name: `building ${this.dropped.length} indexes, checking ${this.foreignKeys.length} foreign keys`, wallMs: built - started, cpuMs: null },
      { name: 'counting the tallies and keyword counts, moving the counters', wallMs: performance.now() - built, cpuMs: null },
    ];
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }
}
