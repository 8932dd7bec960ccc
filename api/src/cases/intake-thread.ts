/**
 * Intake on SQLite off the event loop: a worker thread (intake.worker.ts) writes the cases on a connection
 * of its own, so that the database's part of an intake (the inserts into a million-row table, its indexes
 * and the keyword index) runs on the second core while the event loop parses, checks and answers the
 * next requests. The worker answers with the row as written; the service presents it as before.
 *
 * The API's own connection keeps every other write; the two take SQLite's write lock in turn (BEGIN
 * IMMEDIATE on both, database.module.ts), so a workflow action never has to upgrade a read to a write
 * after the worker committed. Should the worker die, the intakes it held fail (500) and the next one starts
 * a new worker.
 */
import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type FieldErrors } from '../common/errors.js';
import type { Case } from './case.entity.js';
import type { IntakeRequest } from './intake.js';
import type { IntakeColumn } from './intake-sqlite.js';

export interface IntakeMessage {
  id: number;
  req: IntakeRequest;
}

export type SerializedError =
  | { kind: 'app'; code: ErrorCode; message: string; errors?: FieldErrors; details?: Record<string, unknown> }
  | { kind: 'error'; name: string; message: string; code?: string };

export type IntakeReply = { id: number; ok: true; row: Case } | { id: number; ok: false; error: SerializedError };

/** An error as it can cross to the event loop: the application's own errors keep their code and fields. */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof AppError) return { kind: 'app', code: e.code, message: e.message, errors: e.errors, details: e.details };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'error', name: err.name, message: err.message, code: (err as { code?: string }).code };
}

function deserializeError(e: SerializedError): Error {
  if (e.kind === 'app') return new AppError(e.code, e.message, e.errors, e.details);
  return Object.assign(new Error(e.message), { name: e.name, code: e.code });
}

interface Waiting {
  resolve: (c: Case) => void;
  reject: (e: unknown) => void;
}

/** The worker's heap: the reference tables and a batch in flight, a few MB. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };

export class IntakeThread {
  /** The worker, and the intakes it holds (a worker that dies fails its own, never a successor's). */
  private current?: { worker: Worker; pending: Map<number, Waiting> };
  private nextId = 1;

  constructor(
    private readonly path: string,
    private readonly columns: IntakeColumn[],
    private readonly busyTimeoutMs: number,
    /** Where the worker's statements go when the DataSource logs them (DB_LOG=true). */
    private readonly log?: (sql: string, params: unknown[]) => void,
  ) {}

  submit(req: IntakeRequest): Promise<Case> {
    const { worker, pending } = this.current ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, req } satisfies IntakeMessage);
    });
  }

  /** Lets the worker finish what it holds, then stops it. */
  async close(): Promise<void> {
    const worker = this.current?.worker;
    if (!worker) return;
    this.current = undefined;
    worker.ref();
    const exited = new Promise((r) => worker.once('exit', r));
    worker.postMessage('stop');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    await worker.terminate();
  }

  private start() {
    const worker = new Worker(new URL('./intake.worker.js', import.meta.url), {
      workerData: { path: this.path, columns: this.columns, log: !!this.log, busyTimeoutMs: this.busyTimeoutMs },
      resourceLimits: RESOURCE_LIMITS,
    });
    // The HTTP server keeps the process alive while requests wait; an idle worker does not.
    worker.unref();
    const pending = new Map<number, Waiting>();
    worker.on('message', (m: { replies: IntakeReply[]; statements: [string, unknown[]][] }) => {
      for (const [sql, params] of m.statements) this.log?.(sql, params);
      for (const r of m.replies) {
        const w = pending.get(r.id);
        if (!w) continue;
        pending.delete(r.id);
        if (r.ok) w.resolve(r.row);
        else w.reject(deserializeError(r.error));
      }
    });
    const gone = (reason: Error) => {
      if (this.current?.worker === worker) this.current = undefined;
      if (pending.size) new Logger('Intake').error(`the intake worker stopped (${reason.message}); ${pending.size} intake(s) failed`);
      for (const w of pending.values()) w.reject(reason);
      pending.clear();
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the intake worker exited (${code})`)));
    this.current = { worker, pending };
    return this.current;
  }
}
