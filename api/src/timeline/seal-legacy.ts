/**
 * Seals the events written before the timeline was chained (the migration noted the last such id): once,
 * at the first start after it, before the API serves, in the migration lock. Here and not in the migration
 * because SQLite has no sha256 and migrations hold their own SQL, never the application's code. Only events
 * up to that id and without a hash are sealed, a case at a time (a case already anchored is skipped, so an
 * interrupted run resumes), so an event inserted out of band later is never sealed: the verifier names it.
 */
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { chainTime, eventHash } from './event-chain.js';
import type { EventRow } from './timeline-verifier.js';

const PAGE = 500;

type LegacyEvent = Omit<EventRow, 'seq' | 'hash'>;

/** Returns the number of events sealed (0 when there was nothing left to seal). */
export async function sealLegacyTimeline(ds: DataSource): Promise<number> {
  const q = async <T>(sql: string, params: Record<string, unknown> = {}) => {
    const [text, values] = ds.driver.escapeQueryWithParameters(sql, params);
    return (await ds.query(text, values)) as T[];
  };
  const [mark] = await q<{ upto_event_id: number; sealed_at: unknown }>(`SELECT "upto_event_id", "sealed_at" FROM "timeline_backfill" WHERE "id" = 1`);
  if (!mark || mark.sealed_at !== null) return 0;
  const upto = Number(mark.upto_event_id);
  let sealed = 0;
  let after = 0;
  for (;;) {
    const ids = await q<{ case_id: number }>(
      `SELECT DISTINCT e."case_id" FROM "case_events" e WHERE e."case_id" > :after AND e."id" <= :upto AND e."hash" IS NULL ORDER BY e."case_id" LIMIT :page`,
      { after, upto, page: PAGE },
    );
    if (!ids.length) break;
    const lo = Number(ids[0].case_id);
    const hi = Number(ids.at(-1)!.case_id);
    await ds.transaction(async (m) => {
      const run = async (sql: string, params: Record<string, unknown>) => {
        const [text, values] = ds.driver.escapeQueryWithParameters(sql, params);
        return m.query(text, values);
      };
      const events = (await run(
        `SELECT e."id", e."case_id", e."action", e."from_status", e."to_status", e."actor_id", e."note", e."data", e."created_at" FROM "case_events" e
         WHERE e."case_id" >= :lo AND e."case_id" <= :hi AND e."id" <= :upto AND e."hash" IS NULL
           AND NOT EXISTS (SELECT 1 FROM "case_chains" c WHERE c."case_id" = e."case_id") ORDER BY e."case_id", e."id"`,
        { lo, hi, upto },
      )) as LegacyEvent[];
      for (let i = 0; i < events.length; ) {
        const caseId = Number(events[i].case_id);
        let j = i;
        while (j < events.length && Number(events[j].case_id) === caseId) j++;
        const own = events.slice(i, j);
        // The stored JSON text and time are what the chain hashes, as the verifier reads them back.
        let head = '';
        const rows = own.map((e, k) => {
          const seq = k + 1;
          head = eventHash(head, { caseId, seq, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actorId: e.actor_id === null ? null : Number(e.actor_id), note: e.note, data: e.data, createdAt: chainTime(e.created_at) });
          return { seq, hash: head };
        });
        const chain = { rows, head, length: rows.length };
        for (const [k, row] of chain.rows.entries()) await run(`UPDATE "case_events" SET "seq" = :seq, "hash" = :hash WHERE "id" = :id`, { seq: row.seq, hash: row.hash, id: own[k].id });
        await run(`INSERT INTO "case_chains" ("case_id", "head", "length") VALUES (:caseId, :head, :length)`, { caseId, head: chain.head, length: chain.length });
        sealed += own.length;
        i = j;
      }
    });
    after = hi;
  }
  await q(`UPDATE "timeline_backfill" SET "sealed_at" = :now WHERE "id" = 1`, { now: new Date().toISOString() });
  if (sealed) new Logger('Timeline').log(`sealed ${sealed} event(s) written before the timeline was chained`);
  return sealed;
}
