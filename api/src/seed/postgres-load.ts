/**
 * The bulk load on PostgreSQL: the same cases as on SQLite (a worker simulates, case-rows.ts formats),
 * written with COPY: cases, their events, chain heads and keyword entries. A large load runs in one
 * transaction with the indexes built at the end (pg-bulk-session.ts); a smaller one, into a database that
 * holds more, one transaction per batch, with ids from the tables' sequences and serials from the day's
 * counter taken before each (intake running meanwhile continues after them). The worker makes the keyword
 * entries as tsvector literals and, in a bulk load, the COPY text itself (pg-copy-format.ts), the keyword
 * entries then by a second worker (keyword-worker.ts): this thread only sends it. Then VACUUM and ANALYZE: the
 * planner must know the tables' new size and spread (without statistics, a year of hot spots took a minute).
 */
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { perCaseTables, type RowBatch } from './case-rows.js';
import { GenerationStopped, type StreamOptions } from './case-stream.js';
import { serverCpu } from './pg-backend-cpu.js';
import { PgBulkSession } from './pg-bulk-session.js';
import { PostgresCaseWriter, type PgClient } from './postgres-writer.js';
import { CopyFormatter, type CopyBatch } from './pg-copy-format.js';
import type { Reference } from './reference.js';
import { fromWorker, inline, WORKER_MIN, type LoadHooks, type LoadStats, type Source } from './sqlite-load.js';
import { threadCpuMs } from './thread-cpu.js';

export async function loadPostgres(ds: DataSource, ref: Reference, opts: StreamOptions, hooks: LoadHooks = {}): Promise<LoadStats> {
  const meta = ds.getMetadata('Case');
  // Columns the database computes (measure_bits, a stored generated column here) are not written.
  const computed = new Set(meta.columns.filter((c) => c.generatedType).map((c) => c.databaseName));
  // Times are `timestamptz` here, which case-rows.ts does not know as datetimes: formatted as on SQLite, zoned by the writer.
  const timestamps = new Set(ds.entityMetadatas.flatMap((m) => m.columns.filter((c) => c.type === 'timestamptz').map((c) => `${m.tableName}.${c.databaseName}`)));
  const tables = perCaseTables(ds).map((t) => ({
    ...t,
    columns: t.columns.filter((c) => !computed.has(c.column)).map((c) => (timestamps.has(`${t.table}.${c.column}`) ? { ...c, kind: 'datetime' as const } : c)),
  }));
  const client = (await (ds.driver as PostgresDriver).master.connect()) as PgClient;
  const stats: LoadStats = { cases: 0, events: 0, phases: [] };
  const { rows } = await client.query('SELECT count(*)::int AS n FROM cases');
  // As on SQLite: rebuilding the indexes costs less than keeping them up to date once the load is as big as what is there.
  const cpuOfServer = await serverCpu(client, (ds.options as { url?: string }).url);
  const session = opts.count >= Number(rows[0].n) ? new PgBulkSession(client, cpuOfServer) : null;
  const copyCpu0 = cpuOfServer();
  try {
    const start = await session?.begin(opts.count);
    const writer = new PostgresCaseWriter(client);
    const formatter = new CopyFormatter(tables);
    const started = performance.now();
    const cpu0 = threadCpuMs();
    const useWorker = hooks.worker ?? opts.count >= WORKER_MIN;
    const { calendar: _, ...reference } = ref;
    // In a bulk session the worker numbers and formats too (the ids are known up front): it sends text, not values.
    const source: Source<RowBatch | CopyBatch> = useWorker
      ? fromWorker<RowBatch | CopyBatch>({ reference, options: opts, tables, search: 'tsvector', control: new SharedArrayBuffer(4), copy: start })
      : inline(ref, opts, tables, 'tsvector');
    let simulation: { cpuMs: number | null; wallMs: number; keywordsCpuMs?: number | null } | null = null;
    for (;;) {
      if (hooks.signal?.aborted) {
        // Between batches: what is written is whole cases, and stays.
        await writer.finish();
        if (session) stats.phases.push(...(await session.commit()));
        throw new GenerationStopped();
      }
      const next = await source.next();
      if (next.done) {
        simulation = next.value;
        await writer.finish();
        break;
      }
      const b = next.value.rows;
      if (!session) stats.events += await writer.writeBatch(b as RowBatch, formatter);
      else {
        const { first, ids } = session.numbering!.reserve(b.day, b.count);
        stats.events += await writer.writeFormatted('pieces' in b ? b : formatter.format(b, first, ids));
      }
      stats.cases += b.count;
      next.value.written();
      hooks.onProgress?.(stats.cases);
    }
    const wallMs = performance.now() - started;
    const cpu = threadCpuMs();
    if (useWorker) stats.phases.push({ name: 'simulation (worker)', wallMs: simulation.wallMs, cpuMs: simulation.cpuMs });
    if (simulation.keywordsCpuMs !== undefined) stats.phases.push({ name: 'keyword entries (second worker)', wallMs: simulation.wallMs, cpuMs: simulation.keywordsCpuMs });
    stats.phases.push({ name: useWorker ? 'writing (COPY)' : 'simulation and writing (COPY)', wallMs, cpuMs: cpu0 === null || cpu === null ? null : cpu - cpu0 });
    const copyCpu = cpuOfServer();
    stats.phases.push({ name: 'COPY (server)', wallMs, cpuMs: copyCpu === null || copyCpu0 === null ? null : copyCpu - copyCpu0 });
    if (session) stats.phases.push(...(await session.commit()));
  } catch (err) {
    if (session && !(err instanceof GenerationStopped)) await session.rollback().catch(() => undefined);
    throw err;
  } finally {
    // Statistics for whatever was written, a stopped load included. The tables that lists and keyword counts
    // read through their indexes alone are vacuumed too: that marks the new pages all-visible, without which
    // an index-only scan (and a bitmap count) visits the table for every row, until autovacuum gets to it
    // in the middle of the day's work.
    const analyzing = performance.now();
    const analyzeCpu0 = cpuOfServer();
    let analyzeCpu: number | null = null;
    try {
      await client.query('VACUUM cases, case_search, case_tallies');
      // Every table: the reference data a fresh database was seeded with before the load has none yet
      // (a subtree's tallies were summed by a nested loop over 96 units estimated as one).
      await client.query('ANALYZE');
      analyzeCpu = cpuOfServer();
    } finally {
      client.release();
    }
    const cpuMs = analyzeCpu === null || analyzeCpu0 === null ? null : analyzeCpu - analyzeCpu0;
    stats.phases.push({ name: 'statistics (VACUUM ANALYZE, server)', wallMs: performance.now() - analyzing, cpuMs });
  }
  return stats;
}
