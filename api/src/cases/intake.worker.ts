/**
 * The intake worker (intake-thread.ts): writes intakes on a SQLite connection of its own, off the event
 * loop. Requests arrive as messages; those that arrived while a batch was being written are written
 * together as the next batch (IntakeWriter's group commit), and answered with one message.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { IntakeReference } from './intake-reference.js';
import { IntakeWriter, MAX_BATCH, type IntakeColumn } from './intake-sqlite.js';
import type { IntakeReply, IntakeMessage } from './intake-thread.js';
import { serializeError } from './intake-thread.js';

const { path, columns, log, busyTimeoutMs } = workerData as { path: string; columns: IntakeColumn[]; log: boolean; busyTimeoutMs: number };
const db = new Database(path, { fileMustExist: true });
// As the API's own connection (database/data-source.ts); checkpoints are the checkpoint worker's.
db.pragma('foreign_keys = ON');
db.pragma(`busy_timeout = ${busyTimeoutMs}`);
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');

/**
 * How long the first intake of a batch waits for others to join it. A commit costs about as much for ten
 * cases as for one (the same index pages, one keyword-index segment), so under load a few milliseconds of
 * waiting halve what each case costs; alone, an intake is answered that much later.
 */
const GATHER_MS = Number(process.env.INTAKE_GATHER_MS ?? 2);

let statements: [string, unknown[]][] = [];
const writer = new IntakeWriter(db, columns, new IntakeReference(), log ? (sql, params) => statements.push([sql, params]) : undefined);
let queue: IntakeMessage[] = [];
let scheduled = false;

function flush() {
  scheduled = false;
  while (queue.length) {
    const batch = queue.splice(0, MAX_BATCH);
    const replies: IntakeReply[] = [];
    try {
      const outcomes = writer.writeBatch(batch.map((m) => m.req));
      outcomes.forEach((o, i) => replies.push(o.ok ? { id: batch[i].id, ok: true, row: o.row } : { id: batch[i].id, ok: false, error: serializeError(o.error) }));
    } catch (error) {
      for (const m of batch) replies.push({ id: m.id, ok: false, error: serializeError(error) });
    }
    parentPort!.postMessage({ replies, statements });
    statements = [];
  }
}

parentPort!.on('message', (m: IntakeMessage | 'stop') => {
  if (m === 'stop') {
    flush();
    db.close();
    process.exit(0);
  }
  queue.push(m);
  if (!scheduled) {
    scheduled = true;
    setTimeout(flush, GATHER_MS);
  }
});
