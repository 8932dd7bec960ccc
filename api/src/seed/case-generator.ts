/**
 * Adds generated cases (case-stream.ts) to the database through the engine's bulk loader (a worker
 * simulates while this thread writes): SQLite's prepared statements (sqlite-load.ts), PostgreSQL's COPY
 * (postgres-load.ts); or, with `bulk: false`, batch by batch through TypeORM (case-writer.ts). The same
 * seed gives the same cases either way.
 */
import type { DataSource } from 'typeorm';
import type { DatabaseKind } from '../config/config.js';
import { engineOf } from '../database/database-engine.js';
import { queueFrom } from '../search/keyword-index.js';
import { caseBatches, GenerationStopped, type StreamOptions } from './case-stream.js';
import { writeBatch } from './case-writer.js';
import { loadReference } from './reference.js';
import { loadSqlite, type LoadStats } from './sqlite-load.js';
import { loadPostgres } from './postgres-load.js';

/** Each engine's bulk loader, with a worker simulating while this thread writes. */
const BULK_LOADERS: Record<DatabaseKind, typeof loadSqlite> = { sqlite: loadSqlite, postgres: loadPostgres };

export interface GenerateOptions {
  count: number;
  days: number;
  timeZone: string;
  now?: Date;
  seed?: number;
  onProgress?: (done: number) => void;
  /** Stops between batches (what is written stays, and the indexes are rebuilt). */
  signal?: AbortSignal;
  /** False: through TypeORM even on SQLite, as on PostgreSQL (the spec compares what the two store). */
  bulk?: boolean;
  /** Simulate in a worker thread (default: from 20,000 cases, below which starting one costs more than it saves). */
  worker?: boolean;
}

export async function generateCases(ds: DataSource, opts: GenerateOptions): Promise<LoadStats> {
  const count = Math.max(0, Math.floor(opts.count));
  if (count === 0) return { cases: 0, events: 0, phases: [] };
  const ref = await loadReference(ds);
  const stream: StreamOptions = { count, days: Math.max(1, Math.floor(opts.days)), timeZone: opts.timeZone, now: (opts.now ?? new Date()).getTime(), seed: opts.seed ?? 20251015 };
  if (opts.bulk !== false) return BULK_LOADERS[engineOf(ds).kind](ds, ref, stream, opts);

  const started = performance.now();
  let firstId: number | null = null;
  let done = 0;
  let events = 0;
  // One runner throughout, one transaction per batch: its prepared statements are reused batch after batch.
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    for (const { day, sims } of caseBatches(ref, stream)) {
      if (opts.signal?.aborted) throw new GenerationStopped();
      await runner.startTransaction();
      try {
        events += await writeBatch(runner.manager, day, sims);
        await runner.commitTransaction();
      } catch (err) {
        await runner.rollbackTransaction();
        throw err;
      }
      firstId ??= sims[0].ref.id;
      done += sims.length;
      opts.onProgress?.(done);
    }
    // The keyword index of the new cases (and of any taken by intake meanwhile: rewritten, the same), by the
    // next flush (search/keyword-index.ts): the server's, before its first search or at its start.
    if (firstId !== null) await queueFrom(runner.manager, firstId);
  } finally {
    await runner.release();
  }
  return { cases: done, events, phases: [{ name: 'simulation and writing', wallMs: performance.now() - started, cpuMs: null }] };
}
