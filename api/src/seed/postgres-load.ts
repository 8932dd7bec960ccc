/**
 * The bulk load on PostgreSQL: the same cases as on SQLite (a worker simulates, case-rows.ts formats),
 * written with COPY: cases, their events, chain heads and keyword entries. A large load runs in one
 * transaction with the indexes built at the end (pg-bulk-session.ts); a smaller one, into a database that
 * holds more, one transaction per batch, with ids from the tables' sequences and serials from the day's
 * counter taken before each (intake running meanwhile continues after them). Then ANALYZE: the
 * planner must know the tables' new size and spread (without statistics, a year of hot spots took a minute).
 */
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { perCaseTables } from './case-rows.js';
import { GenerationStopped, type StreamOptions } from './case-stream.js';
import { PgBulkSession } from './pg-bulk-session.js';
import { PostgresCaseWriter, type PgClient } from './postgres-writer.js';
import type { Reference } from './reference.js';
import { fromWorker, inline, WORKER_MIN, type LoadHooks, type LoadStats } from './sqlite-load.js';
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
  const session = opts.count >= Number(rows[0].n) ? new PgBulkSession(client) : null;
  try {
    await session?.begin();
    const writer = new PostgresCaseWriter(client, tables, !session);
    const started = performance.now();
    const cpu0 = threadCpuMs();
    const useWorker = hooks.worker ?? opts.count >= WORKER_MIN;
    const { calendar: _, ...reference } = ref;
    const source = useWorker ? fromWorker({ reference, options: opts, tables, search: true, control: new SharedArrayBuffer(4) }) : inline(ref, opts, tables, true);
    let simulation: { cpuMs: number | null; wallMs: number } | null = null;
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
      stats.events += await writer.write(next.value.rows);
      stats.cases += next.value.rows.count;
      next.value.written();
      hooks.onProgress?.(stats.cases);
    }
    const wallMs = performance.now() - started;
    const cpu = threadCpuMs();
    if (useWorker) stats.phases.push({ name: 'simulation (worker)', wallMs: simulation.wallMs, cpuMs: simulation.cpuMs });
    stats.phases.push({ name: useWorker ? 'writing (COPY)' : 'simulation and writing (COPY)', wallMs, cpuMs: cpu0 === null || cpu === null ? null : cpu - cpu0 });
    if (session) stats.phases.push(...(await session.commit()));
  } catch (err) {
    if (session && !(err instanceof GenerationStopped)) await session.rollback().catch(() => undefined);
    throw err;
  } finally {
    // Statistics for whatever was written, a stopped load included.
    const analyzing = performance.now();
    await client.query('ANALYZE cases, case_events, case_chains, case_search, case_tallies, case_counters').finally(() => client.release());
    stats.phases.push({ name: 'statistics (ANALYZE)', wallMs: performance.now() - analyzing, cpuMs: null });
  }
  return stats;
}
