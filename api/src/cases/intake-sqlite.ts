import type Database from 'better-sqlite3';
import type { DataSource, EntityManager } from 'typeorm';
import type { IntakeEngine } from './intake-engine.js';
import { sqliteConnection } from '../database/sqlite-connection.js';
import { measureBitsSql, overBoundRow } from './case-measures.js';
import { Case } from './case.entity.js';
import { intakeRecipe, REPEAT_SQL, RESIDENT_SQL, utc, type IntakeRequest } from './intake.js';
import { REFERENCE_VERSIONS_SQL, type IntakeReference, type ReferenceSnapshot } from './intake-reference.js';
import type { KeywordIndex } from '../search/keyword-index.js';
import { QUEUE_SQL } from '../search/sqlite-search-backlog.js';
import { chainEvents, INSERT_CHAIN_SQL, INSERT_EVENT_SQL, storedJson } from '../timeline/event-chain.js';

/** A value bound the way TypeORM binds it on SQLite: times as UTC text, booleans 0/1, lists as JSON. */
function bind(v: unknown): unknown {
  if (v instanceof Date) return utc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

interface Waiting {
  req: IntakeRequest;
  resolve: (c: Case) => void;
  reject: (e: unknown) => void;
}

/** How many intakes share one commit at most. */
const MAX_BATCH = 64;

/**
 * Intake on SQLite, on the connection TypeORM opened: synchronous better-sqlite3 transactions with
 * statements prepared once, so nothing else runs in between.
 *
 * Group commit: the intakes that arrive while one is being written (the requests parsed in the same
 * turn of the event loop) are written together, each in its own savepoint inside one BEGIN IMMEDIATE …
 * COMMIT, and answered once that commit is done. On a large table most of a commit's cost is writing the
 * index pages it touched, and consecutive cases touch the same ones, so a batch costs little more than one
 * case. A request that fails (a 400, a 403) rolls back to its savepoint only; the others are unaffected.
 *
 * Each savepoint journals the pages its intake touches first (the case's row and a few dozen index
 * entries, its event, the tallies). SQLite keeps that sub-journal in memory up to 64 KiB and then in a
 * temporary file, so a batch of ten wrote most of its pages a second time, to the kernel: a fifth of
 * intake's time. The batch's transaction keeps its journal in memory (`temp_store`, read at BEGIN): a
 * batch's is a few MB at most, where another transaction's (a unit's cases moved) may not be.
 */
export class SqliteIntake implements IntakeEngine {
  private readonly db: Database.Database;
  private readonly columns: { property: string; column: string }[];
  private readonly log: (sql: string, params: unknown[]) => void;
  /** The connection's own `temp_store`, put back after each batch. */
  private readonly tempStore: number;
  private stmts?: ReturnType<SqliteIntake['prepare']>;
  private queue: Waiting[] = [];
  private scheduled = false;

  constructor(
    ds: DataSource,
    private readonly reference: IntakeReference,
    /** Writes the keyword entries intake queues, a moment after (search/sqlite-keyword-index.ts). */
    private readonly keywords: KeywordIndex,
    /** Where intake goes when TypeORM holds a transaction open on the connection for too long. */
    private readonly fallback: (req: IntakeRequest) => Promise<Case>,
    /** A case logged inside a caller's TypeORM transaction. */
    private readonly viaTypeorm: (m: EntityManager, req: IntakeRequest) => Promise<Case>,
  ) {
    this.db = sqliteConnection(ds);
    this.columns = ds
      .getMetadata(Case)
      .columns.filter((c) => c.isInsert && !c.generatedType && c.propertyName !== 'id')
      .map((c) => ({ property: c.propertyName, column: c.databaseName }));
    // Statements still go through TypeORM's logger: DB_LOG=true shows them, the bench's recorder sees them.
    this.log = (sql, params) => ds.logger.logQuery(sql, params);
    this.tempStore = Number(this.db.pragma('temp_store', { simple: true }));
  }

  inTransaction(m: EntityManager, req: IntakeRequest): Promise<Case> {
    return this.viaTypeorm(m, req);
  }

  submit(req: IntakeRequest): Promise<Case> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush() {
    // TypeORM keeps one connection and may hold a transaction open on it across awaits (a workflow
    // action): intake must not run inside it (its rollback would take the cases with it), so it waits.
    // The last check and the transaction below run in one synchronous stretch: nothing can slip between.
    const until = Date.now() + 2000;
    for (let i = 0; this.db.inTransaction && Date.now() < until; i++) await new Promise((r) => (i < 20 ? setImmediate(r) : setTimeout(r, 1)));
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length) setImmediate(() => void this.flush());
    else this.scheduled = false;
    if (this.db.inTransaction) {
      for (const w of batch) this.fallback(w.req).then(w.resolve, w.reject);
      return;
    }
    const outcomes: ({ ok: true; row: Case } | { ok: false; error: unknown })[] = [];
    // Not a prepared statement: SQLite applies this pragma when it compiles it. It would drop TEMP tables
    // (the API has none) and cannot change inside a transaction (none is open: checked above).
    this.db.exec('PRAGMA temp_store = MEMORY');
    try {
      // IMMEDIATE: the write lock first, so that a second instance cannot write between our reads and writes.
      this.db
        .transaction(() => {
          // Read once for the batch: we hold the write lock, so nothing can change them until COMMIT.
          const ref = this.refresh();
          const one = this.db.transaction((req: IntakeRequest) => this.write(req, ref));
          for (const w of batch) {
            try {
              outcomes.push({ ok: true, row: one(w.req) });
            } catch (error) {
              // An I/O error can end the whole transaction: then nothing of the batch stands.
              if (!this.db.inTransaction) throw error;
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    } finally {
      this.db.exec(`PRAGMA temp_store = ${this.tempStore}`);
    }
    this.keywords.flushSoon?.();
    batch.forEach((w, i) => {
      const o = outcomes[i];
      if (o.ok) w.resolve(o.row);
      else w.reject(o.error);
    });
  }

  /** Nothing to finish: every batch is committed before its requests are answered. */
  close() {}

  private prepare() {
    const db = this.db;
    const cols = this.columns.map((c) => `"${c.column}"`).join(', ');
    // The case's report measures (measure_bits) computed by the insert itself, from the values it writes,
    // with the expression the triggers use: the insert trigger then has nothing to correct, where it
    // rewrote every case that is not a plain new one (a repeat, one closed at intake) and its report entry.
    const measured = overBoundRow(`*, ${measureBitsSql('sqlite')}`, this.columns.map((c) => c.column));
    const insertCase = measured
      ? `INSERT INTO "cases" (${cols}, "measure_bits") ${measured}`
      : `INSERT INTO "cases" (${cols}) VALUES (${this.columns.map(() => '?').join(', ')})`;
    return {
      versions: db.prepare(REFERENCE_VERSIONS_SQL),
      resident: db.prepare(RESIDENT_SQL('?')),
      serial: db.prepare(`INSERT INTO case_counters (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = case_counters.last + 1 RETURNING last`),
      // `+?`: a bare parameter compared with an indexed column lets the planner read its value against the
      // index's sampled statistics (STAT4), and SQLite then compiles the statement again at every run (10 µs
      // instead of 3 here). The plan is the same either way: the repeat index, phone and category first.
      repeat: db.prepare(REPEAT_SQL(() => '+?')),
      insertCase: db.prepare(insertCase),
      queueSearch: db.prepare(QUEUE_SQL),
      insertEvent: db.prepare(INSERT_EVENT_SQL),
      insertChain: db.prepare(INSERT_CHAIN_SQL),
    };
  }

  private refresh(): ReferenceSnapshot {
    const s = (this.stmts ??= this.prepare());
    return this.reference.refreshSync((sql) => {
      this.log(sql, []);
      return (sql === s.versions.source ? s.versions : this.db.prepare(sql)).all() as Record<string, unknown>[];
    });
  }

  /** One intake, inside the batch's transaction (in its own savepoint). */
  private write(req: IntakeRequest, ref: ReferenceSnapshot): Case {
    const s = (this.stmts ??= this.prepare());
    const get = (st: Database.Statement, ...params: unknown[]) => {
      this.log(st.source, params);
      return st.get(...params) as Record<string, unknown> | undefined;
    };
    const run = (st: Database.Statement, params: unknown[]) => {
      this.log(st.source, params);
      return st.run(...params);
    };
    const values = (row: Case) => row as unknown as Record<string, unknown>;
    return intakeRecipe(req, ref, {
      resident: (id) => get(s.resident, id),
      serial: (day) => Number(get(s.serial, day)!.last),
      repeat: (phone, categoryId, since, until) => get(s.repeat, phone, categoryId, utc(since), utc(until)) !== undefined,
      insertCase: (row) => {
        const id = Number(run(s.insertCase, this.columns.map((c) => bind(values(row)[c.property]))).lastInsertRowid);
        run(s.queueSearch, [id]);
        return id;
      },
      insertTimeline: (caseId, events) => {
        const chain = chainEvents(caseId, '', 0, events);
        for (const e of chain.rows) {
          run(s.insertEvent, [e.caseId, e.action, e.fromStatus, e.toStatus, e.actorId, e.note, storedJson(e.data), utc(e.createdAt!), e.seq, e.hash]);
        }
        run(s.insertChain, [caseId, chain.head, chain.length]);
      },
    });
  }
}
