import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';
import { DB_KIND } from '../config/config.js';

/** Timestamps are stored in UTC: `timestamptz` on PostgreSQL, ISO text (`datetime`) on SQLite. */
const TIMESTAMP = DB_KIND === 'postgres' ? 'timestamptz' : 'datetime';

export function TimestampColumn(options: ColumnOptions = {}) {
  return Column({ type: TIMESTAMP, nullable: true, ...options });
}

export function CreatedAtColumn() {
  return CreateDateColumn({ type: TIMESTAMP });
}

export function UpdatedAtColumn() {
  return UpdateDateColumn({ type: TIMESTAMP });
}

/** Raw bytes (attachments kept in the database): `bytea` on PostgreSQL, a BLOB on SQLite; a Buffer either way. */
export function BytesColumn(options: ColumnOptions = {}) {
  return Column({ type: DB_KIND === 'postgres' ? 'bytea' : 'blob', ...options });
}

/** Real numbers (hours, coordinates). */
export function RealColumn(options: ColumnOptions = {}) {
  return Column({ type: DB_KIND === 'postgres' ? 'double precision' : 'real', nullable: true, ...options });
}

/**
 * An integer the database computes and the application never writes nor reads unasked: on PostgreSQL a stored
 * generated column of `postgresExpression`; on SQLite kept by triggers (a migration's), `sqliteDefault` until
 * they run.
 */
export function ComputedIntegerColumn(postgresExpression: string, sqliteDefault: number) {
  return Column(
    DB_KIND === 'postgres'
      ? { type: 'integer', generatedType: 'STORED', asExpression: postgresExpression, insert: false, update: false, select: false, nullable: true }
      : { type: 'integer', default: sqliteDefault, insert: false, update: false, select: false },
  );
}

/** PostgreSQL returns bigint/numeric as strings; these are small enough to be numbers. */
export const numberTransformer: ValueTransformer = {
  to: (v: unknown) => v,
  from: (v: unknown) => (v === null || v === undefined ? v : Number(v)),
};

/** A list of short codes kept as JSON text, portable across both databases. */
export function JsonColumn(options: ColumnOptions = {}) {
  return Column({ type: 'simple-json', nullable: true, ...options });
}

/**
 * The version a record is at, for the optimistic check of every `PUT` (common/crud.service.ts): moved on by
 * the update itself, in the same conditional UPDATE that checks it, never by TypeORM behind the service's back.
 */
export function RecordVersionColumn() {
  return Column({ type: 'integer', default: 1 });
}
