/**
 * A large load on PostgreSQL (at least as many cases as the table holds) in one transaction: the secondary
 * indexes of the tables it fills are dropped first and built again at the end from their own definitions
 * (a sorted build is many times cheaper than a million insertions into each), their foreign keys are
 * dropped and added back (checked by one join each instead of a lookup per row), and the cases' insert
 * triggers are off meanwhile: their effect is computed once at the end, in one statement per table, over
 * the cases loaded (the tallies and the keyword counts, case_search_counts, counted again; the new cases' changes to the report rollups and closure
 * rollups appended in one statement each, where the triggers appended them per COPY with each COPY's rows
 * held for them, for the application's fold to move), after ANALYZE of the loaded tables and with the
 * server's parallel workers (pg-parallel-append.ts), which share the transaction. PostgreSQL's DDL is transactional,
 * so a load that fails or is killed leaves the database as it was, indexes and triggers included: there is
 * nothing to record and restore; one that is stopped (Ctrl-C) commits what it wrote, with the same catch-up.
 * The tables stay locked for the load: intake waits for it (it would wait for each batch's index writes
 * otherwise). That lock lets the load number its cases from memory: the ids are reserved from the sequence
 * at once, and the days' serials continue the counters, which are locked too and moved past them at the end.
 */
import { rollupCatchUps } from '../reports/rollups/rollup-catch-up.js';
import { LONGEST_WORD } from '../search/pg-words.js';
import { appendInParallel } from './pg-parallel-append.js';
import { MemoryNumbering, type NumberingStart } from './pg-copy-format.js';
import type { PgClient } from './postgres-writer.js';

const TABLES = ['cases', 'case_events', 'case_chains', 'case_search'];
/** Cases whose rollup changes are summed by one statement at the end of a load. */
const CATCH_UP_CASES = 100_000;
/** The row trigger of the tallies and the statement triggers of the rollups (migrations CaseTallies, CaseRollups, ClosureRollups). */
const SUSPENDED = { tallies: 'cases_tally', rollups: 'case_rollups_insert', closures: 'case_closure_rollups_insert' };

export interface Phase {
  name: string;
  wallMs: number;
  cpuMs: number | null;
}

export class PgBulkSession {
  private dropped: { name: string; sql: string }[] = [];
  private foreignKeys: { tbl: string; name: string; def: string }[] = [];
  /** The triggers this load turned off (those of SUSPENDED the schema has). */
  private suspended: string[] = [];
  private start: NumberingStart | null = null;
  /** The load's numbering as the writer's thread follows it (the worker keeps its own copy from the same start). */
  numbering: MemoryNumbering | null = null;

  /** `serverCpu` reads the connection's server CPU time in ms (pg-backend-cpu.ts). */
  constructor(
    private readonly client: PgClient,
    private readonly serverCpu: () => number | null = () => null,
  ) {}

  /** Starts the load of `count` cases at most; answers where its numbering starts. */
  async begin(count: number): Promise<NumberingStart> {
    await this.client.query('BEGIN');
    // A crash loses the load at most, which the transaction does anyway: no wait for each commit's flush.
    await this.client.query('SET LOCAL synchronous_commit = off');
    // The counts at the end run once over the load: compiling their expressions first (JIT) took a third
    // of the rollups' step's CPU at 200,000 cases.
    await this.client.query('SET LOCAL jit = off');
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
    this.suspended = (
      await this.client.query(`SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'cases'::regclass AND tgenabled <> 'D' AND tgname = ANY($1) ORDER BY 1`, [Object.values(SUSPENDED)])
    ).rows.map((r) => String(r.name));
    for (const t of this.suspended) await this.client.query(`ALTER TABLE cases DISABLE TRIGGER "${t}"`);
    // The keyword counts' triggers too (a sum per COPY of each batch's lexemes): counted once at the end.
    await this.client.query('ALTER TABLE case_search DISABLE TRIGGER USER');
    // Intake reserves serials in statements of its own (cases/serial-blocks.ts): it waits here until the end.
    await this.client.query('LOCK TABLE case_counters IN EXCLUSIVE MODE');
    const serials = (await this.client.query('SELECT day, last FROM case_counters')).rows.map((r): [string, number] => [String(r.day), Number(r.last)]);
    // The sequence is not transactional: the whole range is taken at once, and a load that stops early leaves a gap.
    const lastId = Number((await this.client.query(`SELECT setval('cases_id_seq', nextval('cases_id_seq') + $1 - 1) AS last`, [count])).rows[0].last);
    this.start = { firstId: lastId - count + 1, lastId, serials };
    this.numbering = new MemoryNumbering(this.start);
    return this.start;
  }

  /** The indexes built again, the suspended triggers' work done, and the transaction committed; returns the phases' times (CPU: the server's). */
  async commit(): Promise<Phase[]> {
    const phases: Phase[] = [];
    const timed = async (name: string, work: () => Promise<void>) => {
      const [t, cpu] = [performance.now(), this.serverCpu()];
      await work();
      const cpuAfter = this.serverCpu();
      phases.push({ name, wallMs: performance.now() - t, cpuMs: cpu === null || cpuAfter === null ? null : cpuAfter - cpu });
    };
    // The planner's first look at the loaded rows (ANALYZE counts the transaction's own as live), for the
    // counts below. Measured: the keyword counts run with parallel workers; the rollups' ranges still in one
    // process (the planner expects about as many groups as cases, so a partial aggregate gains it nothing).
    await timed('statistics of the loaded tables (server)', async () => {
      await this.client.query(`ANALYZE ${TABLES.join(', ')}`);
    });
    await timed(`building ${this.dropped.length} indexes, checking ${this.foreignKeys.length} foreign keys (server)`, async () => {
      await this.client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
      for (const i of this.dropped) await this.client.query(i.sql);
      for (const k of this.foreignKeys) await this.client.query(`ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.name}" ${k.def}`);
    });
    await timed('counting the tallies, the rollups and the keyword counts, moving the counters (server)', async () => {
      const taken = this.numbering?.lastSerials() ?? [];
      await this.client.query(
        `INSERT INTO case_counters (day, last) SELECT * FROM unnest($1::varchar[], $2::int[]) ON CONFLICT (day) DO UPDATE SET last = excluded.last`,
        [taken.map(([day]) => day), taken.map(([, last]) => last)],
      );
      if (this.suspended.includes(SUSPENDED.tallies)) {
        await this.client.query('DELETE FROM case_tallies');
        await appendInParallel(
          this.client,
          'case_tallies',
          ['grid_unit_id', 'department_id', 'status', 'overdue', 'n'],
          `SELECT grid_unit_id, COALESCE(department_id, 0), status, overdue, COUNT(*) FROM cases GROUP BY 1, 2, 3, 4`,
        );
      }
      await this.catchUpRollups();
      for (const t of this.suspended) await this.client.query(`ALTER TABLE cases ENABLE TRIGGER "${t}"`);
      await this.client.query('DELETE FROM case_search_counts');
      await this.client.query(`SET LOCAL work_mem = '256MB'`);
      // The lexemes alone (tsvector_to_array): unnest(doc) also makes each one's positions and weights (a
      // quarter of the count's time: 100,000 entries in 3.0 s against 4.1 s). Rows written in key order, as the migration writes them.
      await appendInParallel(
        this.client,
        'case_search_counts',
        ['token', 'unit_id', 'n'],
        `SELECT l.lexeme, s.unit_id, COUNT(*) FROM case_search s CROSS JOIN LATERAL unnest(tsvector_to_array(s.doc)) l(lexeme) WHERE char_length(l.lexeme) BETWEEN 2 AND ${LONGEST_WORD} GROUP BY 1, 2`,
        '1, 2',
      );
      await this.client.query('ALTER TABLE case_search ENABLE TRIGGER USER');
    });
    await this.client.query('COMMIT');
    return phases;
  }

  /** The loaded cases' contributions to the rollups, at the offset the rollup clock holds (locked against a move meanwhile). */
  private async catchUpRollups() {
    const [rollups, closures] = [this.suspended.includes(SUSPENDED.rollups), this.suspended.includes(SUSPENDED.closures)];
    if (!this.start || (!rollups && !closures)) return;
    const clock = await this.client.query(`SELECT shift_minutes FROM report_rollup_clock WHERE id = 1 FOR SHARE`);
    const [rollupSums, closureSums] = rollupCatchUps(Number(clock.rows[0].shift_minutes));
    await this.client.query(`SET LOCAL work_mem = '256MB'`);
    // A part of the load at a time: six rows a case sort in memory (a million cases at once spilled to disk).
    for (let from = this.start.firstId; from <= this.start.lastId; from += CATCH_UP_CASES) {
      const to = Math.min(from + CATCH_UP_CASES - 1, this.start.lastId);
      for (const [on, sums] of [[rollups, rollupSums], [closures, closureSums]] as const) {
        if (on) await appendInParallel(this.client, sums.table, sums.columns, sums.select(from, to));
      }
    }
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }
}
