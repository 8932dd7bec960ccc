/**
 * The hash chain of a case's timeline, pure: every path that writes events (intake on either engine, the
 * workflow, edits, attachments, the overdue scan, the bulk generator) hashes them here, and the verifier
 * recomputes them here.
 *
 * hash(n) = sha256(hash(n-1) + "\n" + JSON [caseId, seq, action, fromStatus, toStatus, actorId, note, data,
 * createdAt]), base64url; the first event's previous hash is "". `data` is the JSON text as stored (the
 * column is text on both engines), `createdAt` the UTC time to the millisecond as SQLite stores it
 * (`YYYY-MM-DD HH:MM:SS.SSS`). The event id is not hashed: it is known only after the INSERT, and hashing it
 * would cost every append a second write; `seq` pins the event's place instead.
 */
import * as crypto from 'node:crypto';

/** What is hashed of an event, in the forms above. */
export interface ChainedFields {
  caseId: number;
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: number | null;
  note: string | null;
  data: string | null;
  createdAt: string;
}

/** An event as the services build it (data as an object, createdAt a Date). */
export interface NewEvent {
  caseId?: number;
  action?: string;
  fromStatus?: string | null;
  toStatus?: string;
  actorId?: number | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  createdAt?: Date;
}

/** Node ≥ 20.12 has a one-shot hash, about twice as fast for short strings as createHash(): the generator hashes millions. */
const oneShot = (crypto as unknown as { hash?: (alg: string, data: string, enc: string) => string }).hash;
const sha256 = oneShot ? (s: string) => oneShot('sha256', s, 'base64url') : (s: string) => crypto.createHash('sha256').update(s).digest('base64url');

export function eventHash(prev: string, e: ChainedFields): string {
  return sha256(`${prev}\n${JSON.stringify([e.caseId, e.seq, e.action, e.fromStatus, e.toStatus, e.actorId, e.note, e.data, e.createdAt])}`);
}

/** A time as the chain hashes it: UTC to the millisecond, as SQLite stores datetimes (`YYYY-MM-DD HH:MM:SS.SSS`). */
export function chainTime(v: Date | string): string {
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/.test(v)) return v;
  const d = typeof v === 'string' ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v.replace(' ', 'T') : `${v.replace(' ', 'T')}Z`) : v;
  return d.toISOString().replace('T', ' ').slice(0, 23);
}

/** The JSON text a `simple-json` column stores for a value (TypeORM: JSON.stringify, null stays null). */
export const storedJson = (data: unknown): string | null => (data === null || data === undefined ? null : JSON.stringify(data));

export interface ChainedEvent extends NewEvent {
  caseId: number;
  seq: number;
  hash: string;
}

/**
 * `events` appended to case `caseId` whose chain has `length` events ending in `head` ("" and 0 for a new
 * case): each with its seq and hash, and the chain's new head.
 */
export function chainEvents(caseId: number, head: string, length: number, events: readonly NewEvent[]): { rows: ChainedEvent[]; head: string; length: number } {
  let prev = head;
  const rows = events.map((e, i) => {
    const seq = length + i + 1;
    const hash = eventHash(prev, {
      caseId,
      seq,
      action: e.action!,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus!,
      actorId: e.actorId ?? null,
      note: e.note ?? null,
      data: storedJson(e.data),
      createdAt: chainTime(e.createdAt!),
    });
    prev = hash;
    return { ...e, caseId, seq, hash };
  });
  return { rows, head: prev, length: length + events.length };
}

/** The statements of the SQLite intake's prepared path, kept beside the hashing they depend on. */
export const INSERT_EVENT_SQL = `INSERT INTO "case_events" ("case_id", "action", "from_status", "to_status", "actor_id", "note", "data", "created_at", "seq", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
export const INSERT_CHAIN_SQL = `INSERT INTO "case_chains" ("case_id", "head", "length") VALUES (?, ?, ?)`;
