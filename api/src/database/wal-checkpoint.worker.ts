/**
 * Copies SQLite's write-ahead log back into the database file, off the event loop (wal-checkpointer.ts):
 * a PASSIVE checkpoint on a connection of its own every few milliseconds. PASSIVE never waits for a lock
 * and never blocks a writer; what it cannot copy yet (pages a reader still needs) it copies next time.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const db = new Database(path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('wal_autocheckpoint = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint or a migration): the next tick tries again.
  }
}, intervalMs);
parentPort?.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  process.exit(0);
});
