/**
 * The bulk load on SQLite: the cases come from a worker (or, for a few thousand, from this thread),
 * the writer stores them batch by batch, a few batches per short transaction (intake running meanwhile
 * gets its turn between them), with the connection tuned for the load and put back afterwards, then
 * the planner's statistics gathered.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { refreshStatistics } from '../database/database.module.js';
import { sqliteConnection } from '../database/sqlite-connection.js';
import { perCaseTables, toRows, type RowBatch, type SearchForm } from './case-rows.js';
import { caseBatches, GenerationStopped, type StreamOptions } from './case-stream.js';
import { MeasureBits } from './measure-bits.js';
import type { Reference } from './reference.js';
import type { KeywordMessage } from './keyword-worker.js';
import type { CopyBatch } from './pg-copy-format.js';
import type { WorkerInput, WorkerMessage } from './seed-worker.js';
import { SqliteCaseWriter } from './sqlite-writer.js';
import { threadCpuMs } from './thread-cpu.js';

/**
 * Cases per transaction, a few batches: the keyword index (FTS5) writes a segment at every commit and
 * merges segments as they pile up, so fewer, larger commits cost it less (a million cases: 15.2 s in
 * transactions of 500, 13.2 s in transactions of 5,000). It is also about the longest that intake in
 * another process waits for the write lock (a quarter of a second here). A transaction stays open
 * while the worker makes the next batch, so the connection must be the load's own: the CLI's; or the
 * API's for the demo seed at start, before it listens, whose few thousand cases are made on this thread
 * in one stretch (no turn of the event loop in which anything else could use the connection).
 */
const CASES_PER_COMMIT = 5000;

/** Below this many cases a worker costs more to start than it saves. */
export const WORKER_MIN = 20_000;

export interface LoadStats {
  cases: number;
  events: number;
  /** Phases in ms: wall time, and the CPU time of the thread that did them where the system tells it. */
  phases: { name: string; wallMs: number; cpuMs: number | null }[];
}

export interface LoadHooks {
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
  worker?: boolean;
}

export async function loadSqlite(ds: DataSource, ref: Reference, opts: StreamOptions, hooks: LoadHooks = {}): Promise<LoadStats> {
  const db = sqliteConnection(ds);
  const tables = perCaseTables(ds);
  const { count: existing } = db.prepare('SELECT count(*) AS count FROM cases').get() as { count: number };
  const search = !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'case_search'").get();
  const session = new BulkSession(db, tables.map((t) => t.table), search);
  const stats: LoadStats = { cases: 0, events: 0, phases: [] };
  try {
    // Rebuilding an index costs less than keeping it up to date row by row once the load is as big as what is there.
    if (opts.count >= existing) stats.phases.push(session.dropIndexes());
    const writer = new SqliteCaseWriter(db);
    const started = performance.now();
    const cpu0 = threadCpuMs();
    const useWorker = hooks.worker ?? opts.count >= WORKER_MIN;
    // The calendar is rebuilt in the worker from its corrections (a class does not cross threads).
    const { calendar: _, ...reference } = ref;
    const form = search ? 'document' : null;
    const source = useWorker ? fromWorker({ reference, options: opts, tables, search: form, control: new SharedArrayBuffer(4) }) : inline(ref, opts, tables, form);
    let simulation: { cpuMs: number | null; wallMs: number } | null = null;
    let uncommitted = 0;
    try {
      for (;;) {
        if (hooks.signal?.aborted) {
          // Between batches: what is written is whole cases, and stays.
          if (db.inTransaction) db.exec('COMMIT');
          throw new GenerationStopped();
        }
        const next = await source.next();
        if (next.done) {
          simulation = next.value;
          break;
        }
        // IMMEDIATE: the write lock first, so that intake in another process waits rather than fails.
        if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
        stats.events += writer.write(next.value.rows);
        stats.cases += next.value.rows.count;
        uncommitted += next.value.rows.count;
        if (uncommitted >= CASES_PER_COMMIT) {
          db.exec('COMMIT');
          uncommitted = 0;
        }
        next.value.written();
        hooks.onProgress?.(stats.cases);
      }
      if (db.inTransaction) db.exec('COMMIT');
    } catch (err) {
      // A failure (a batch written half-way, the worker gone): the open transaction goes, with the whole
      // batches before it in it; what was committed stays.
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    const wallMs = performance.now() - started;
    const cpu = threadCpuMs();
    if (useWorker) {
      stats.phases.push({ name: 'simulation (worker)', wallMs: simulation.wallMs, cpuMs: simulation.cpuMs });
      stats.phases.push({ name: 'writing', wallMs, cpuMs: cpu0 === null || cpu === null ? null : cpu - cpu0 });
    } else stats.phases.push({ name: 'simulation and writing', wallMs, cpuMs: cpu0 === null || cpu === null ? null : cpu - cpu0 });
  } finally {
    stats.phases.push(...session.end());
  }
  // The planner's statistics for the table as loaded (a stopped load throws above and leaves them to the
  // next start, which checks them): gathered anew when the load is at least as big as what was there,
  // else only when they are stale by then.
  const analyzing = performance.now();
  if (await refreshStatistics(ds, opts.count >= existing)) stats.phases.push({ name: 'statistics (ANALYZE)', wallMs: performance.now() - analyzing, cpuMs: null });
  return stats;
}

/** Returns the simulation's CPU and wall time (and the keyword worker's CPU, when there was one). */
export type Source<T = RowBatch> = AsyncGenerator<{ rows: T; written: () => void }, { cpuMs: number | null; wallMs: number; keywordsCpuMs?: number | null }>;

export async function* inline(ref: Reference, opts: StreamOptions, tables: ReturnType<typeof perCaseTables>, search: SearchForm | null): Source {
  const started = performance.now();
  const measureBits = new MeasureBits();
  try {
    for (const batch of caseBatches(ref, opts)) yield { rows: toRows(batch, tables, search, measureBits), written: () => {} };
  } finally {
    measureBits.close();
  }
  return { cpuMs: null, wallMs: performance.now() - started };
}

/** Batches from the worker as they come (`T`: as formatted for `input`); each `written()` lets it run one batch further ahead. */
export async function* fromWorker<T = RowBatch>(input: WorkerInput): Source<T> {
  const started = performance.now();
  const control = new Int32Array(input.control);
  const written = () => {
    Atomics.add(control, 0, 1);
    Atomics.notify(control, 0);
  };
  // A PostgreSQL bulk load's keyword entries are made by a second worker (keyword-worker.ts), sent to it by the first.
  const channel = input.copy && input.search === 'tsvector' ? new MessageChannel() : null;
  const keywordWorker = channel ? new Worker(new URL('./keyword-worker.js', import.meta.url), { workerData: { keywords: channel.port2 }, transferList: [channel.port2] }) : null;
  // A large young generation: the simulation makes millions of short-lived objects, and with the default
  // one the collector copied the batch in hand again and again (a quarter of the worker's time).
  const worker = new Worker(new URL('./seed-worker.js', import.meta.url), {
    workerData: channel ? { ...input, keywords: channel.port1 } : input,
    transferList: channel ? [channel.port1] : [],
    resourceLimits: { maxYoungGenerationSizeMb: 128 },
  });
  const queue: WorkerMessage[] = [];
  const pieces: KeywordMessage[] = [];
  let failure: unknown = null;
  /** The queues whose worker has exited (its messages all arrived before). */
  const exited = new Set<unknown[]>();
  let wake: (() => void) | null = null;
  worker.on('message', (m: WorkerMessage) => (queue.push(m), wake?.()));
  keywordWorker?.on('message', (m: KeywordMessage) => (pieces.push(m), wake?.()));
  for (const [w, q] of [[worker, queue], [keywordWorker, pieces]] as const) {
    w?.on('error', (err) => ((failure = err), wake?.()));
    w?.on('exit', () => (exited.add(q), wake?.()));
  }
  const next = async <M>(from: M[]): Promise<M> => {
    while (from.length === 0) {
      if (failure) throw failure;
      if (exited.has(from)) throw new Error('the generator’s worker stopped before it was done');
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    return from.shift()!;
  };
  try {
    for (;;) {
      const m = await next(queue);
      if ('done' in m) {
        const keywords = keywordWorker ? await next(pieces) : null;
        const keywordsCpuMs = keywords && 'done' in keywords ? keywords.cpuMs : undefined;
        return { cpuMs: m.cpuMs, wallMs: performance.now() - started - m.waitMs, ...(keywordWorker ? { keywordsCpuMs } : {}) };
      }
      if (keywordWorker) {
        const k = await next(pieces);
        if ('done' in k) throw new Error('the keyword worker ended before the cases did');
        (m.rows as CopyBatch).pieces.push(k.piece);
      }
      yield { rows: m.rows as T, written };
    }
  } finally {
    await Promise.all([worker.terminate(), keywordWorker?.terminate()]);
  }
}

/**
 * The connection tuned for a bulk load, and put back: no fsync (a crash mid-load loses at most the
 * load), no foreign-key lookups (the generator refers only to rows it read or wrote: its spec checks
 * `foreign_key_check` after a load; the lookups were 7 % of the writing), a large page cache and
 * temporary storage in memory while writing, and sorts in parallel for the index builds (`recreate`).
 * Secondary indexes that only serve reads are dropped for the load and rebuilt from their own SQL in
 * sqlite_master, so whatever the migrations define comes back exactly; unique ones stay (they guard the
 * data), and so do triggers. The SQL of dropped indexes waits in a file beside the database until they
 * are back, so a load that is killed has them rebuilt by the next.
 */
class BulkSession {
  private readonly saved: Record<string, unknown> = {};
  private dropped: { name: string; sql: string }[] = [];
  /** While the keyword index has its load settings: the values to put back. */
  private fts: Suspended['fts'] = null;
  private readonly pending: string | null;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly tables: string[],
    private readonly search: boolean,
  ) {
    this.pending = db.memory || !db.name ? null : `${db.name}-seed-indexes.json`;
    if (this.pending && existsSync(this.pending)) {
      // Written by an earlier load that did not end (before the keyword index's setting, a bare list).
      const left = JSON.parse(readFileSync(this.pending, 'utf8')) as Suspended | Suspended['indexes'];
      this.dropped = Array.isArray(left) ? left : left.indexes;
      this.fts = Array.isArray(left) ? null : left.fts;
      this.recreate();
    }
    for (const p of ['synchronous', 'foreign_keys', 'cache_size', 'temp_store']) this.saved[p] = db.pragma(p, { simple: true });
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -131072');
    db.pragma('temp_store = MEMORY');
  }

  dropIndexes() {
    const started = performance.now();
    const cpu = threadCpuMs();
    const unique = new Set(this.tables.flatMap((t) => (this.db.pragma(`index_list("${t}")`) as { name: string; unique: number }[]).filter((i) => i.unique).map((i) => i.name)));
    const marks = this.tables.map(() => '?').join(', ');
    const all = this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${marks}) AND sql IS NOT NULL ORDER BY rowid`).all(...this.tables) as { name: string; sql: string }[];
    this.dropped = all.filter((i) => !unique.has(i.name));
    // The keyword index (FTS5) merges its segments as it goes, over and over while a load adds to it:
    // with its merges paused for the load, the index cost a quarter less (a million cases: 13.5 s instead
    // of 18.6 s; searches as fast after). The setting is the index's own, kept in the database: put back
    // after. Its emergency merges (16 segments of a size) stay as they are: held off to 64 during the load
    // they saved another second, but left the first write after it a 5-second merge (intake stalled).
    if (this.search) {
      const own = this.db.prepare('SELECT v FROM case_search_config WHERE k = ?').pluck();
      this.fts = Object.fromEntries(Object.entries(FTS5_DEFAULTS).map(([k, d]) => [k, Number(own.get(k) ?? d)]));
    }
    if (this.pending) writeFileSync(this.pending, JSON.stringify({ indexes: this.dropped, fts: this.fts } satisfies Suspended));
    this.db.transaction(() => {
      for (const i of this.dropped) this.db.exec(`DROP INDEX "${i.name}"`);
      if (this.fts) this.setFts(FTS5_FOR_LOAD);
    })();
    return { name: `dropping ${this.dropped.length} indexes`, wallMs: performance.now() - started, cpuMs: diff(cpu, threadCpuMs()) };
  }

  end() {
    const phases = [];
    if (this.dropped.length || this.fts) {
      const started = performance.now();
      // The sorter's threads work for this one: count the process (the worker is gone by now).
      const cpu = process.cpuUsage();
      const n = this.dropped.length;
      this.recreate();
      const used = process.cpuUsage(cpu);
      phases.push({ name: `building ${n} indexes`, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
    }
    for (const [p, v] of Object.entries(this.saved)) this.db.pragma(`${p} = ${Number(v)}`);
    return phases;
  }

  /**
   * Builds the dropped indexes that are not there (again), one transaction each, sorted in parallel.
   * SQLite's sorter hands runs to its helper threads only when it spills them to temporary files (with
   * temporary storage in memory it uses none), and it spills a run whenever the page cache is full: so a
   * small cache and temporary files for the builds. At a million cases the 17 builds took 35 s on one
   * thread and take 13–17 s so (this 2-core machine; the files stay in the OS's cache).
   */
  private recreate() {
    // Put back after, as they were: this also runs before the load's own settings are saved (a killed
    // load's indexes rebuilt), and those must be the connection's, not the builds'.
    const forBuilds = { threads: Math.min(8, Math.max(4, availableParallelism())), cache_size: -2048, temp_store: TEMP_STORE_FILE };
    const before = Object.keys(forBuilds).map((p) => [p, Number(this.db.pragma(p, { simple: true }))] as const);
    for (const [p, v] of Object.entries(forBuilds)) this.db.pragma(`${p} = ${v}`);
    try {
      const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").pluck();
      for (const i of this.dropped) if (!exists.get(i.name)) this.db.exec(i.sql);
      // Written as settings of its own where it had none: the defaults' values (FTS5 keeps its shadow
      // tables from being written directly, so the rows cannot be taken out again).
      if (this.fts) this.setFts(this.fts);
      this.fts = null;
    } finally {
      for (const [p, v] of before) this.db.pragma(`${p} = ${v}`);
    }
    this.dropped = [];
    if (this.pending) rmSync(this.pending, { force: true });
  }

  private setFts(settings: Record<string, number>) {
    for (const [k, v] of Object.entries(settings)) {
      // FTS5 takes a setting's value written out, not as a bound parameter ("SQL logic error").
      if (!(k in FTS5_DEFAULTS) || !Number.isInteger(v) || v < 0 || v > 1024) throw new Error(`keyword index setting ${k} = ${v} refused`);
      this.db.exec(`INSERT INTO case_search (case_search, rank) VALUES ('${k}', ${v})`);
    }
  }
}

/** What a load has suspended, in the file beside the database until it is back. */
interface Suspended {
  indexes: { name: string; sql: string }[];
  /** The keyword index's settings to put back (null: not changed). */
  fts: Record<string, number> | null;
}

/** `PRAGMA temp_store` for temporary files. */
const TEMP_STORE_FILE = 1;

/** FTS5's defaults of the settings a load changes, for an index that has none of its own. */
const FTS5_DEFAULTS = { automerge: 4 };
/** During a load: no merges as segments come (the emergency ones still happen). */
const FTS5_FOR_LOAD = { automerge: 0 };

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
