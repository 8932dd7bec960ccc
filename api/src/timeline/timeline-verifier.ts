/**
 * Walks the timeline's hash chains, case after case in id order, a page of cases at a time (a million
 * cases never sit in memory), and names every event edited, removed or inserted out of band. Used by
 * `npm run verify` (verify-cli.ts), the admin route (timeline.controller.ts) and restore.
 */
import type { EntityManager } from 'typeorm';
import { chainTime, eventHash } from './event-chain.js';

export type FindingKind = 'edited' | 'removed' | 'inserted' | 'anchor';

export interface TimelineFinding {
  caseId: number;
  number: string | null;
  /** The event at fault; for `removed`, the event after the gap (null when the chain's last events are gone). */
  eventId: number | null;
  kind: FindingKind;
  /** How many events (for `removed`). */
  count?: number;
}

export interface VerifyOptions {
  /** The first and last case id to walk (inclusive); all by default. */
  fromCaseId?: number;
  toCaseId?: number;
  /** Stop after this many cases (the route's slice); the answer says where to continue. */
  maxCases?: number;
  /** Keep at most this many findings in the answer (every one is still counted and passed to onFinding). */
  maxFindings?: number;
  onFinding?: (f: TimelineFinding) => void;
  onProgress?: (casesDone: number) => void;
}

export interface VerifyResult {
  cases: number;
  events: number;
  problems: number;
  findings: TimelineFinding[];
  /** The case id to continue from when maxCases stopped the walk, else null. */
  nextCaseId: number | null;
}

/** A timeline row as stored (column names), what the chain is computed over. */
export interface EventRow {
  id: number;
  case_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  note: string | null;
  data: string | null;
  created_at: Date | string;
  seq: number | null;
  hash: string | null;
}

const PAGE = 2000;

/** What is wrong with one case's chain: its events in id order and its anchor (head, length), if any. */
export function checkChain(caseId: number, events: readonly EventRow[], anchor: { head: string; length: number } | undefined): Omit<TimelineFinding, 'number'>[] {
  const found: Omit<TimelineFinding, 'number'>[] = [];
  const accepted: { id: number; seq: number }[] = [];
  let prev = '';
  let expected = 1;
  for (const e of events) {
    const seq = e.seq === null ? null : Number(e.seq);
    // No hash, or a place already taken: not written by the application.
    if (e.hash === null || seq === null || seq < expected) {
      found.push({ caseId, eventId: Number(e.id), kind: 'inserted' });
      continue;
    }
    if (seq > expected) {
      // The previous hash is gone with the removed events: this one's content cannot be checked.
      found.push({ caseId, eventId: Number(e.id), kind: 'removed', count: seq - expected });
    } else {
      const fields = { caseId, seq, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actorId: e.actor_id === null ? null : Number(e.actor_id), note: e.note, data: e.data, createdAt: chainTime(e.created_at) };
      if (eventHash(prev, fields) !== e.hash) found.push({ caseId, eventId: Number(e.id), kind: 'edited' });
    }
    prev = e.hash;
    expected = seq + 1;
    accepted.push({ id: Number(e.id), seq });
  }
  const length = expected - 1;
  const last = accepted.at(-1)?.id ?? null;
  if (!anchor) {
    if (events.length) found.push({ caseId, eventId: last, kind: 'anchor' });
  } else if (anchor.length > length) {
    found.push({ caseId, eventId: null, kind: 'removed', count: anchor.length - length });
  } else if (anchor.length < length) {
    for (const a of accepted) if (a.seq > anchor.length) found.push({ caseId, eventId: a.id, kind: 'inserted' });
  } else if (anchor.head !== prev) {
    // Every hash matches its content, but the chain does not end where it did: rewritten with new hashes.
    found.push({ caseId, eventId: last, kind: 'edited' });
  }
  return found;
}

/** `m`: any manager (a backup walks its snapshot's transaction). */
export async function verifyTimelines(m: EntityManager, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const q = async <T>(sql: string, params: Record<string, unknown>) => {
    const [text, values] = m.connection.driver.escapeQueryWithParameters(sql, params);
    return (await m.query(text, values)) as T[];
  };
  const result: VerifyResult = { cases: 0, events: 0, problems: 0, findings: [], nextCaseId: null };
  // PostgreSQL's integer ids end here.
  const to = opts.toCaseId ?? 2_147_483_647;
  let after = (opts.fromCaseId ?? 1) - 1;
  for (;;) {
    const room = opts.maxCases === undefined ? PAGE : Math.min(PAGE, opts.maxCases - result.cases);
    if (room <= 0) {
      const [next] = await q<{ id: number }>(`SELECT "id" FROM "cases" WHERE "id" > :after AND "id" <= :to ORDER BY "id" LIMIT 1`, { after, to });
      result.nextCaseId = next ? Number(next.id) : null;
      break;
    }
    const cases = await q<{ id: number; number: string }>(`SELECT "id", "number" FROM "cases" WHERE "id" > :after AND "id" <= :to ORDER BY "id" LIMIT :room`, { after, to, room });
    if (!cases.length) break;
    const lo = Number(cases[0].id);
    const hi = Number(cases.at(-1)!.id);
    const events = await q<EventRow>(
      `SELECT "id", "case_id", "action", "from_status", "to_status", "actor_id", "note", "data", "created_at", "seq", "hash" FROM "case_events" WHERE "case_id" >= :lo AND "case_id" <= :hi ORDER BY "case_id", "id"`,
      { lo, hi },
    );
    const anchors = new Map((await q<{ case_id: number; head: string; length: number }>(`SELECT "case_id", "head", "length" FROM "case_chains" WHERE "case_id" >= :lo AND "case_id" <= :hi`, { lo, hi })).map((a) => [Number(a.case_id), { head: a.head, length: Number(a.length) }]));
    let at = 0;
    for (const c of cases) {
      const id = Number(c.id);
      const start = at;
      while (at < events.length && Number(events[at].case_id) === id) at++;
      for (const f of checkChain(id, events.slice(start, at), anchors.get(id))) {
        const finding = { ...f, number: c.number };
        result.problems++;
        opts.onFinding?.(finding);
        if (result.findings.length < (opts.maxFindings ?? 1000)) result.findings.push(finding);
      }
    }
    result.cases += cases.length;
    result.events += events.length;
    after = hi;
    opts.onProgress?.(result.cases);
  }
  return result;
}
