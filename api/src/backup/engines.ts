/**
 * How each engine takes a consistent snapshot while the API writes, and puts one back: one implementation
 * per engine, chosen once by the backup and restore commands (the services never ask which engine).
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { createDataSource, SQLITE_BUSY_TIMEOUT_MS } from '../database/data-source.js';

type Config = Pick<AppConfig, 'databaseKind' | 'databaseUrl' | 'sqlitePath'>;

export interface Snapshot<T> {
  takenAt: Date;
  integrity: string | null;
  /** What `inspect` found reading exactly the snapshot. */
  inspected: T;
}

export interface Engine {
  /** The database's file name inside a backup directory. */
  file: string;
  /** Takes the snapshot into `target` while the API goes on writing, and lets `inspect` read that snapshot. */
  backup<T>(config: Config, target: string, inspect: (m: EntityManager) => Promise<T>): Promise<Snapshot<T>>;
  /** Why the configured database may not be restored into (it is not empty), or null. */
  notEmpty(config: Config): Promise<string | null>;
  restore(config: Config, source: string): Promise<void>;
  /** The engine's own consistency check of a database ("ok"), or null where it has none to offer. */
  integrity(m: EntityManager): Promise<string | null>;
}

const sqliteIntegrity = async (m: EntityManager) => ((await m.query('PRAGMA integrity_check')) as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');

/** Runs a client tool (pg_dump, pg_restore); its error output becomes the error's message. */
function tool(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new Error(`${cmd} not found: install the PostgreSQL client tools (the server's major version or newer)`) : e));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (exit ${code}): ${err.trim()}`))));
  });
}

/**
 * SQLite: `VACUUM INTO` copies the database as one read transaction sees it (WAL: writers go on meanwhile,
 * and it never starts over, where the page-by-page backup API restarts whenever another connection writes).
 */
export const sqliteEngine: Engine = {
  file: 'tracker.sqlite',
  async backup(config, target, inspect) {
    const db = new Database(config.sqlitePath, { fileMustExist: true });
    const takenAt = new Date();
    try {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      db.prepare('VACUUM INTO ?').run(target);
    } finally {
      db.close();
    }
    const ds = await createDataSource({ databaseKind: 'sqlite', databaseUrl: `sqlite:${target}`, sqlitePath: target }).initialize();
    try {
      return { takenAt, integrity: await sqliteIntegrity(ds.manager), inspected: await inspect(ds.manager) };
    } finally {
      await ds.destroy();
    }
  },
  async notEmpty(config) {
    const path = config.sqlitePath;
    if (existsSync(`${path}-wal`) && (await stat(`${path}-wal`)).size > 0) return `${path} has a write-ahead log: it is in use or was not closed cleanly`;
    if (!existsSync(path) || (await stat(path)).size === 0) return null;
    const db = new Database(path, { readonly: true });
    try {
      const { n } = db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
      return n > 0 ? `${path} already holds a database (${n} tables)` : null;
    } finally {
      db.close();
    }
  },
  async restore(config, source) {
    await mkdir(dirname(config.sqlitePath), { recursive: true });
    await copyFile(source, config.sqlitePath);
  },
  integrity: sqliteIntegrity,
};

/**
 * PostgreSQL: `pg_dump` in custom format, on a snapshot exported by a REPEATABLE READ transaction that the
 * manifest's counts and timeline check read too, so that they describe exactly what was dumped.
 */
export const postgresEngine: Engine = {
  file: 'database.dump',
  async backup(config, target, inspect) {
    const ds = await new DataSource({ type: 'postgres', url: config.databaseUrl }).initialize();
    const runner = ds.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const takenAt = new Date();
      const [{ snapshot }] = (await runner.query('SELECT pg_export_snapshot() AS snapshot')) as { snapshot: string }[];
      const dump = tool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${target}`, `--dbname=${config.databaseUrl}`]);
      const inspected = await inspect(runner.manager);
      await dump;
      await runner.query('COMMIT');
      return { takenAt, integrity: null, inspected };
    } finally {
      await runner.release();
      await ds.destroy();
    }
  },
  async notEmpty(config) {
    const ds = await new DataSource({ type: 'postgres', url: config.databaseUrl }).initialize();
    try {
      const [{ n }] = (await ds.query(`SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`)) as { n: string }[];
      return Number(n) > 0 ? `the database already holds ${n} tables` : null;
    } finally {
      await ds.destroy();
    }
  },
  async restore(config, source) {
    await tool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${config.databaseUrl}`, source]);
  },
  integrity: async () => null,
};

export const engineFor = (config: Config): Engine => (config.databaseKind === 'postgres' ? postgresEngine : sqliteEngine);

export { attachmentsDir } from '../attachments/storage/local-file-storage.js';
