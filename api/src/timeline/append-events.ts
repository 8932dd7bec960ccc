/**
 * The one place that appends events to a case's timeline through TypeORM (intake-sqlite.ts and the bulk
 * generator write the same rows through their own prepared statements, hashed by event-chain.ts).
 */
import type { EntityManager, QueryRunner } from 'typeorm';
import { CaseEvent } from '../cases/case-event.entity.js';
import { chainEvents, type NewEvent } from './event-chain.js';

interface Head {
  head: string;
  length: number | string;
}

async function rows(runner: QueryRunner, sql: string, params: Record<string, unknown>): Promise<Head[]> {
  const [text, values] = runner.connection.driver.escapeQueryWithParameters(sql, params);
  return (await runner.query(text, values, true)).records as Head[];
}

/**
 * Appends `events` to case `caseId`, in the caller's transaction. The chain's head is read by an UPDATE that
 * already moves its length: on PostgreSQL that locks the head's row until the transaction ends, so a
 * concurrent append to the same case waits and then chains onto this one (no fork); SQLite writes one
 * transaction at a time. `newCase`: the case was inserted in this transaction, so there is no head to read.
 */
export async function appendEvents(m: EntityManager, caseId: number, events: readonly NewEvent[], opts: { newCase?: boolean } = {}): Promise<void> {
  if (events.length === 0) return;
  const runner = m.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('case events are appended inside a transaction');
  const found = opts.newCase
    ? undefined
    : (await rows(runner, `UPDATE "case_chains" SET "length" = "length" + :n WHERE "case_id" = :caseId RETURNING "head", "length"`, { n: events.length, caseId }))[0];
  const chain = found ? chainEvents(caseId, found.head, Number(found.length) - events.length, events) : chainEvents(caseId, '', 0, events);
  await m.insert(CaseEvent, chain.rows as never);
  if (found) await rows(runner, `UPDATE "case_chains" SET "head" = :head WHERE "case_id" = :caseId`, { head: chain.head, caseId });
  else await rows(runner, `INSERT INTO "case_chains" ("case_id", "head", "length") VALUES (:caseId, :head, :length)`, { caseId, head: chain.head, length: chain.length });
}
