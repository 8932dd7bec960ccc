/**
 * The bulk load on SQLite: the cases come from a worker (or, for a few thousand, from this thread),
 * the writer stores them batch by batch, one short transaction each (intake running meanwhile gets its
 * turn between them), with the connection tuned for the load and put back afterwards.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { sqliteConnection } from '../database/sqlite-connection.js';
import { perCaseTables, toRows, type RowBatch } from './case-rows.js';
import { caseBatches, type StreamOptions } from './case-stream.js';
import type { Reference } from './reference.js';
import type { WorkerInput, WorkerMessage } from './seed-worker.js';
import { SqliteCaseWriter } from './sqlite-writer.js';
import { threadCpuMs } from './thread-cpu.js';

/** Below this many cases a worker costs more to start than it saves. */
const WORKER_MIN = 20_000;

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
  const session = new BulkSession(db, tables.map((t) => t.table));
  const stats: LoadStats = { cases: 0, events: 0, phases: [] };
  try {
    // Rebuilding an index costs less than keeping it up to date row by row once the load is as big as what is there.
    if (opts.count >= existing) stats.phases.push(session.dropIndexes());
    const writer = new SqliteCaseWriter(db);
    const write = db.transaction((rows: RowBatch) => writer.write(rows));
    const started = performance.now();
    const cpu0 = threadCpuMs();
    const useWorker = hooks.worker ?? opts.count >= WORKER_MIN;
    // The calendar is rebuilt in the worker from its corrections (a class does not cross threads).
    const { calendar: _, ...reference } = ref;
    const source = useWorker ? fromWorker({ reference, options: opts, tables, search, control: new SharedArrayBuffer(4) }) : inline(ref, opts, tables, search);
    let simulation: { cpuMs: number | null; wallMs: number } | null = null;
    for (;;) {
      if (hooks.signal?.aborted) throw new Error('stopped: the cases written so far stay');
      const next = await source.next();
      if (next.done) {
        simulation = next.value;
        break;
      }
      stats.events += write.immediate(next.value.rows);
      stats.cases += next.value.rows.count;
      next.value.written();
      hooks.onProgress?.(stats.cases);
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
  return stats;
}

type Source = AsyncGenerator<{ rows: RowBatch; written: () => void }, { cpuMs: number | null; wallMs: number }>;

async function* inline(ref: Reference, opts: StreamOptions, tables: ReturnType<typeof perCaseTables>, search: boolean): Source {
  const started = performance.now();
  for (const batch of caseBatches(ref, opts)) yield { rows: toRows(batch, tables, search), written: () => {} };
  return { cpuMs: null, wallMs: performance.now() - started };
}

/** Batches from the worker as they come; each `written()` lets it run one batch further ahead. */
async function* fromWorker(input: WorkerInput): Source {
  const started = performance.now();
  const control = new Int32Array(input.control);
  const written = () => {
    Atomics.add(control, 0, 1);
    Atomics.notify(control, 0);
  };
  // A large young generation: the simulation makes millions of short-lived objects, and with the default
  // one the collector copied the batch in hand again and again (a quarter of the worker's time).
  const worker = new Worker(new URL('./seed-worker.js', import.meta.url), { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 128 } });
  const queue: WorkerMessage[] = [];
  let failure: unknown = null;
  let exited = false;
  let wake: (() => void) | null = null;
  worker.on('message', (m: WorkerMessage) => (queue.push(m), wake?.()));
  worker.on('error', (err) => ((failure = err), wake?.()));
  worker.on('exit', () => ((exited = true), wake?.()));
  try {
    for (;;) {
      while (queue.length === 0) {
        if (failure) throw failure;
        if (exited) throw new Error('the generator’s worker stopped before it was done');
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      const m = queue.shift()!;
      if ('done' in m) return { cpuMs: m.cpuMs, wallMs: performance.now() - started - m.waitMs };
      yield { rows: m.rows, written };
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * The connection tuned for a bulk load, and put back: no fsync (a crash mid-load loses at most the
 * load), no foreign-key lookups (the generator refers only to rows it read or wrote: its spec checks
 * `foreign_key_check` after a load; the lookups were 7 % of the writing), a large page cache, temporary
 * sorts in memory, and as many sorter threads as cores for the index builds. Secondary indexes that only
 * serve reads are dropped for the load and rebuilt from their own SQL in sqlite_master, so whatever the
 * migrations define comes back exactly; unique ones stay (they guard the data), and so do triggers. The
 * SQL of dropped indexes waits in a file beside the database until they are back, so a load that is
 * killed has them rebuilt by the next.
 */
class BulkSession {
  private readonly saved: Record<string, unknown> = {};
  private dropped: { name: string; sql: string }[] = [];
  private readonly pending: string | null;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly tables: string[],
  ) {
    this.pending = db.memory || !db.name ? null : `${db.name}-seed-indexes.json`;
    if (this.pending && existsSync(this.pending)) {
      this.dropped = JSON.parse(readFileSync(this.pending, 'utf8')) as { name: string; sql: string }[];
      this.recreate();
    }
    for (const p of ['synchronous', 'foreign_keys', 'cache_size', 'temp_store', 'threads']) this.saved[p] = db.pragma(p, { simple: true });
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
    if (this.pending) writeFileSync(this.pending, JSON.stringify(this.dropped));
    this.db.transaction(() => {
      for (const i of this.dropped) this.db.exec(`DROP INDEX "${i.name}"`);
    })();
    return { name: `dropping ${this.dropped.length} indexes`, wallMs: performance.now() - started, cpuMs: diff(cpu, threadCpuMs()) };
  }

  end() {
    const phases = [];
    if (this.dropped.length) {
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

  /** Builds the dropped indexes that are not there (again), one transaction each, with a sorter thread per core. */
  private recreate() {
    this.db.pragma(`threads = ${Math.min(8, availableParallelism())}`);
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").pluck();
    for (const i of this.dropped) if (!exists.get(i.name)) this.db.exec(i.sql);
    this.dropped = [];
    if (this.pending) rmSync(this.pending, { force: true });
  }
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
