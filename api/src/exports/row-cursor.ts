import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { sqliteConnection } from '../database/sqlite-connection.js';

export const ROW_CURSOR = Symbol('RowCursor');

export interface EntityBatch<T> {
  rows: T[];
  /** Where to read anything else the rows need: on PostgreSQL the cursor's own connection (and snapshot). */
  manager: EntityManager;
}

/**
 * The rows of a query, in its order, in batches, through ONE database cursor: the database sorts once and
 * hands rows over as they are asked for, so a million-row export costs one pass and constant memory,
 * whatever column it is sorted by (paging by OFFSET, or by keyset on a column without an index, would
 * re-scan the table for every batch). The cursor reads a consistent snapshot of the data.
 *
 * The query builder must select one entity without joins (its columns are hydrated as TypeORM would).
 * Stopping early (`break`, or `return()` on the iterator) closes the cursor. One implementation per engine,
 * chosen once (database/engine.module.ts).
 */
export interface RowCursor {
  stream<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, batchSize?: number): AsyncGenerator<EntityBatch<T>>;
}

/** The engine's raw batches, hydrated into entities the way TypeORM would. */
async function* hydrated<T extends ObjectLiteral>(ds: DataSource, qb: SelectQueryBuilder<T>, batches: (sql: string, params: unknown[]) => AsyncGenerator<RawBatch>): AsyncGenerator<EntityBatch<T>> {
  const [sql, params] = qb.getQueryAndParameters();
  const columns = qb.expressionMap.mainAlias!.metadata.columns.map((col) => ({ col, key: `${qb.alias}_${col.databaseName}` }));
  const hydrate = (raw: Record<string, unknown>) => {
    const row: Record<string, unknown> = {};
    for (const { col, key } of columns) if (key in raw) row[col.propertyName] = ds.driver.prepareHydratedValue(raw[key], col);
    return row as T;
  };
  for await (const { rows, manager } of batches(sql, params)) yield { rows: rows.map(hydrate), manager };
}

/** PostgreSQL: on the primary, or on the replica of DATABASE_READ_URL when given (`source`). */
export class PostgresRowCursor implements RowCursor {
  constructor(private readonly source: DataSource) {}

  stream<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, batchSize = 500) {
    return hydrated(this.source, qb, (sql, params) => postgresBatches(this.source, sql, params, batchSize));
  }
}

export class SqliteRowCursor implements RowCursor {
  constructor(private readonly ds: DataSource) {}

  stream<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, batchSize = 500) {
    return hydrated(this.ds, qb, (sql, params) => sqliteBatches(this.ds, sql, params, batchSize));
  }
}

type RawBatch = { rows: Record<string, unknown>[]; manager: EntityManager };

/**
 * PostgreSQL: a server-side cursor in a read-only transaction on a pooled connection of its own, held for
 * as long as the client downloads. So that exports to slow clients cannot take every connection and stall
 * the API, at most half the pool streams at once; further exports wait for a turn before sending anything.
 */
async function* postgresBatches(ds: DataSource, sql: string, params: unknown[], size: number): AsyncGenerator<RawBatch> {
  const release = await turnFor(ds);
  const runner = ds.createQueryRunner('slave');
  let open = false;
  try {
    await runner.connect();
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows: Record<string, unknown>[] = await runner.query(`FETCH ${size} FROM export_rows`);
      if (rows.length) yield { rows, manager: runner.manager };
      if (rows.length < size) break;
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
    release();
  }
}

const turns = new WeakMap<DataSource, { free: number; waiting: (() => void)[] }>();

/** Waits for one of the pool's export turns; resolves to the function that gives it back. */
async function turnFor(ds: DataSource): Promise<() => void> {
  let t = turns.get(ds);
  if (!t) {
    const pool = Number((ds.options as { extra?: { max?: number } }).extra?.max ?? 10);
    turns.set(ds, (t = { free: Math.max(1, Math.floor(pool / 2)), waiting: [] }));
  }
  const slots = t;
  if (slots.free > 0) slots.free -= 1;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  let given = false;
  return () => {
    if (given) return;
    given = true;
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  };
}

/**
 * SQLite: better-sqlite3 reads synchronously and keeps its connection busy while a statement is being
 * stepped through, so the export reads through a second, read-only connection to the same file (WAL lets
 * it read while the application writes); an in-memory database is copied into one instead.
 */
async function* sqliteBatches(ds: DataSource, sql: string, params: unknown[], size: number): AsyncGenerator<RawBatch> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const main = sqliteConnection(ds);
  const db = main.memory ? new BetterSqlite3(main.serialize()) : new BetterSqlite3(main.name, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // One pass over the rows reads each page once: better-sqlite3's default 16 MB page cache would only
    // hold on to memory (an export's connection lives as long as its download).
    db.pragma('cache_size = -2000');
    let batch: Record<string, unknown>[] = [];
    for (const row of db.prepare(sql).iterate(...params) as IterableIterator<Record<string, unknown>>) {
      batch.push(row);
      if (batch.length < size) continue;
      yield { rows: batch, manager: ds.manager };
      batch = [];
      // Reading is synchronous: let the other requests of this process in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (batch.length) yield { rows: batch, manager: ds.manager };
  } finally {
    db.close();
  }
}
