/**
 * Writes generated cases in batches: one transaction per batch that reserves the day's serials, inserts
 * the cases with one multi-row INSERT, learns their ids, and inserts their events with a few more.
 */
import type { EntityManager } from 'typeorm';
import { CaseEvent } from '../cases/case-event.entity.js';
import { caseNumber } from '../cases/case-numbers.js';
import { Case } from '../cases/case.entity.js';
import { CaseChain } from '../timeline/case-chain.entity.js';
import { chainEvents } from '../timeline/event-chain.js';
import { bulkInsert } from './bulk-insert.js';
import type { CaseSim } from './case-sim.js';

/** Event rows per INSERT: 8 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535 (a case batch of 500 has 42 × 500). */
const EVENT_CHUNK = 1_000;

/** The driver's placeholder for the i-th parameter ($1 or ?). */
const mark = (m: EntityManager, i: number) => m.connection.driver.createParameter('', i);

const date = (t: number | null) => (t === null ? null : new Date(t));

/**
 * Takes `count` serials of a day at once, as intake takes one (`nextSerial`): the counter moves past
 * them in the same statement, so intake running meanwhile continues after them and never collides.
 * Returns the first serial.
 */
async function reserveSerials(m: EntityManager, day: string, count: number): Promise<number> {
  const sql = `INSERT INTO case_counters (day, last) VALUES (${mark(m, 0)}, ${mark(m, 1)})
    ON CONFLICT (day) DO UPDATE SET last = case_counters.last + excluded.last RETURNING last`;
  const rows: { last: number | string }[] = await m.query(sql, [day, count]);
  return Number(rows[0].last) - count + 1;
}

function caseRow(s: CaseSim) {
  const f = s.fields;
  return {
    ...f,
    number: s.number,
    parentCaseId: s.parent?.id ?? null,
    receivedAt: new Date(f.receivedAt),
    signDueAt: date(f.signDueAt),
    responseDueAt: new Date(f.responseDueAt),
    resolveDueAt: new Date(f.resolveDueAt),
    dispatchedAt: date(f.dispatchedAt),
    acceptedAt: date(f.acceptedAt),
    respondedAt: date(f.respondedAt),
    repliedAt: date(f.repliedAt),
    closedAt: date(f.closedAt),
    createdAt: new Date(f.receivedAt),
    updatedAt: new Date(f.updatedAt),
  };
}

/** Writes one day's batch (all `sims` received on `day`, `YYYYMMDD`); returns the number of events written. */
export async function writeBatch(m: EntityManager, day: string, sims: CaseSim[]): Promise<number> {
  const first = await reserveSerials(m, day, sims.length);
  sims.forEach((s, i) => {
    s.number = caseNumber(day, first + i);
    s.events[0].data!.number = s.number;
  });
  const rows = sims.map(caseRow);
  const ids = await bulkInsert(m, Case, rows, true);
  sims.forEach((s, i) => (s.ref.id = ids[i]));

  // A merge into a case of this same batch learns the parent's id only now (a plain UPDATE: updatedAt stays the last event's time).
  for (const [i, s] of sims.entries()) {
    if (!s.parent) continue;
    const parentId = s.parent.id;
    for (const e of s.events) if (e.action === 'merge') e.data = { ...e.data, parentCaseId: parentId };
    if (rows[i].parentCaseId === null && parentId !== null) await m.query(`UPDATE cases SET parent_case_id = ${mark(m, 0)} WHERE id = ${mark(m, 1)}`, [parentId, ids[i]]);
  }

  const events: Record<string, unknown>[] = [];
  const chains: Record<string, unknown>[] = [];
  for (const s of sims) {
    const caseId = s.ref.id!;
    const chain = chainEvents(caseId, '', 0, s.events.map((e) => ({ caseId, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, actorId: e.actorId, note: e.note, data: e.data, createdAt: new Date(e.at) })));
    events.push(...(chain.rows as unknown as Record<string, unknown>[]));
    chains.push({ caseId, head: chain.head, length: chain.length });
  }
  // Fixed-size chunks: the same statement text again and again, prepared once.
  for (let i = 0; i < events.length; i += EVENT_CHUNK) await bulkInsert(m, CaseEvent, events.slice(i, i + EVENT_CHUNK));
  for (let i = 0; i < chains.length; i += EVENT_CHUNK) await bulkInsert(m, CaseChain, chains.slice(i, i + EVENT_CHUNK));
  const written = events.length;
  return written;
}
