import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCK, LOCKS, type AdvisoryLock } from '../database/advisory-lock.js';
import { namedQuery } from '../common/named-query.js';
import { instantMs } from '../common/time.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';

/** Timeline events read per pass. */
const BATCH = 500;
/**
 * How long a hole in the event ids is waited for. Ids are taken when an event is inserted but seen when its
 * transaction commits, so on PostgreSQL event 101 may be visible before 100 is: the feed stops before the hole
 * until it fills, or until the event after it is this old (its id then belonged to a transaction rolled back).
 */
const GAP_WAIT_MS = 60_000;

interface EventRow {
  id: number | string;
  caseId: number | string;
  action: string;
  createdAt: Date | string;
}

/**
 * The timeline is the outbox: every lifecycle event is written in its action's transaction, so nothing is
 * sent that did not happen, and nothing that happened is missed. This reads the events past the cursor, in id
 * order, and makes one delivery per event and webhook that hears it, moving the cursor in the same
 * transaction. One instance at a time (an advisory lock on PostgreSQL); webhooks added later hear what happens
 * after, not the past.
 */
@Injectable()
export class WebhookFeeder {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ADVISORY_LOCK) private readonly lock: AdvisoryLock,
  ) {}

  /** One pass; the number of events read (0 when another instance is feeding). */
  async feed(now = Date.now()): Promise<number> {
    return (await this.lock.runAlone(LOCKS.webhookFeed, () => this.pass(now))) ?? 0;
  }

  private async pass(now: number): Promise<number> {
    const [{ last }] = await namedQuery<{ last: number | string }>(this.ds, `SELECT "last_event_id" AS "last" FROM "webhook_cursor" WHERE "id" = 1`);
    const from = Number(last);
    const hooks = (await namedQuery<{ id: number; events: string }>(this.ds, `SELECT "id", "events" FROM "webhooks" WHERE "active" = TRUE`)).map((h) => ({ id: Number(h.id), hears: new Set<string>(JSON.parse(h.events ?? '[]')) }));
    if (!hooks.length) {
      // Nobody listens: what happens now is owed to no one. Written only when it moved (a write every pass
      // would take SQLite's write lock from intake for nothing).
      const [{ max }] = await namedQuery<{ max: number | string | null }>(this.ds, `SELECT MAX("id") AS "max" FROM "case_events"`);
      if (max !== null && Number(max) !== from) await namedQuery(this.ds, `UPDATE "webhook_cursor" SET "last_event_id" = :max WHERE "id" = 1`, { max: Number(max) });
      return 0;
    }
    const rows = await namedQuery<EventRow>(this.ds, `SELECT "id", "case_id" AS "caseId", "action", "created_at" AS "createdAt" FROM "case_events" WHERE "id" > :from ORDER BY "id" LIMIT ${BATCH}`, { from });
    let upTo = from;
    const taken: EventRow[] = [];
    for (const r of rows) {
      if (Number(r.id) !== upTo + 1 && now - instantMs(r.createdAt) < GAP_WAIT_MS) break;
      taken.push(r);
      upTo = Number(r.id);
    }
    if (!taken.length) return 0;
    const deliveries = taken.flatMap((e) =>
      hooks.filter((h) => h.hears.size === 0 || h.hears.has(e.action)).map((h) => ({ webhookId: h.id, eventId: Number(e.id), caseId: Number(e.caseId), event: e.action, nextAttemptAt: now })),
    );
    await this.ds.transaction(async (m) => {
      for (let i = 0; i < deliveries.length; i += 100) await m.insert(WebhookDelivery, deliveries.slice(i, i + 100));
      await namedQuery(m, `UPDATE "webhook_cursor" SET "last_event_id" = :upTo WHERE "id" = 1`, { upTo });
    });
    return taken.length;
  }
}
