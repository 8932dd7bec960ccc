import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { sqliteConnection } from './sqlite-connection.js';

/** How often the worker checkpoints: the log stays a few hundred kB under steady intake. */
const INTERVAL_MS = 100;
/** SQLite's own default, put back if the worker stops. */
const AUTO_PAGES = 1000;

/**
 * SQLite (WAL): the checkpoints move off the event loop. By default the connection that commits past
 * 1000 pages of log copies them into the database file itself, with an fsync, inside that commit: on a
 * large database it was most of what an intake cost. Here the API's connection never checkpoints and a
 * worker thread does it (wal-checkpoint.worker.ts). Should the worker die, the connection checkpoints
 * again as before. Built on SQLite only (engine.module.ts).
 */
export class WalCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;

  constructor(private readonly ds: DataSource) {}

  onApplicationBootstrap() {
    const db = sqliteConnection(this.ds);
    if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return;
    const worker = new Worker(new URL('./wal-checkpoint.worker.js', import.meta.url), { workerData: { path: db.name, intervalMs: INTERVAL_MS } });
    worker.unref();
    const fallBack = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_PAGES}`);
    };
    worker.on('error', (err) => {
      new Logger('WalCheckpointer').warn(`checkpoint worker failed (${err.message}); the API's connection checkpoints again`);
      fallBack();
    });
    worker.on('exit', fallBack);
    this.worker = worker;
    db.pragma('wal_autocheckpoint = 0');
  }

  async onApplicationShutdown() {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const db = sqliteConnection(this.ds) as Database.Database | undefined;
    if (db?.open) db.pragma(`wal_autocheckpoint = ${AUTO_PAGES}`);
    // Held referenced until it is gone, or the process could end with this shutdown still pending.
    worker.ref();
    const exited = new Promise((r) => worker.once('exit', r));
    worker.postMessage('stop');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 1000)))]);
    clearTimeout(timer);
    await worker.terminate();
  }
}
