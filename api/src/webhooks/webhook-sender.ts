import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { namedQuery } from '../common/named-query.js';
import { instantMs } from '../common/time.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { MAX_ATTEMPTS, retryDelayMs, webhookBody, webhookHeaders } from './webhook-events.js';

/** Deliveries taken per pass, and sent at once. */
const PER_PASS = 20;
const AT_ONCE = 4;
/** How long an instance holds a delivery it is sending; past it (the instance died), another may send it. */
const LEASE_MS = 30_000;
const TIMEOUT_MS = 10_000;

interface Due {
  id: number | string;
  webhookId: number | string;
  eventId: number | string;
  attempts: number | string;
}

/**
 * Sends what the feeder made: the oldest pending delivery of each case and receiver first (a later event of a
 * case waits while an earlier one to the same receiver is pending, so a receiver hears a case in order),
 * signed (webhook-events.ts), acknowledged by any 2xx, retried with back-off otherwise. Every instance sends;
 * each delivery is first claimed with a conditional update (a lease), so one instance sends it at a time.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One pass; the number of deliveries this instance attempted. */
  async send(now = Date.now()): Promise<number> {
    const due = await namedQuery<Due>(
      this.ds,
      `SELECT d."id", d."webhook_id" AS "webhookId", d."event_id" AS "eventId", d."attempts" FROM "webhook_deliveries" d
       WHERE d."state" = 'pending' AND d."next_attempt_at" <= :now AND d."leased_until" < :now
         AND EXISTS (SELECT 1 FROM "webhooks" w WHERE w."id" = d."webhook_id" AND w."active" = TRUE)
         AND NOT EXISTS (SELECT 1 FROM "webhook_deliveries" e WHERE e."webhook_id" = d."webhook_id" AND e."case_id" = d."case_id" AND e."id" < d."id" AND e."state" = 'pending')
       ORDER BY d."id" LIMIT ${PER_PASS}`,
      { now },
    );
    let attempted = 0;
    for (let i = 0; i < due.length; i += AT_ONCE) {
      const sent = await Promise.all(due.slice(i, i + AT_ONCE).map((d) => this.attempt(d, now)));
      attempted += sent.filter(Boolean).length;
    }
    return attempted;
  }

  private async attempt(d: Due, now: number): Promise<boolean> {
    const id = Number(d.id);
    const claim = await this.ds
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ leasedUntil: now + LEASE_MS })
      .where(`id = :id AND state = 'pending' AND "leased_until" < :now`, { id, now })
      .execute();
    if (!claim.affected) return false;
    const attempts = Number(d.attempts) + 1;
    const outcome = await this.post(Number(d.webhookId), Number(d.eventId));
    const done = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const state = done ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
    await this.ds
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ state, attempts, leasedUntil: 0, lastStatus: outcome.status, lastError: done ? null : outcome.error.slice(0, 500), deliveredAt: done ? new Date() : null, nextAttemptAt: done ? now : Date.now() + retryDelayMs(attempts, this.config.webhookRetrySeconds * 1000) })
      .where('id = :id', { id })
      .execute();
    return true;
  }

  /** POSTs the event to its webhook; the status, or null with why it did not answer. */
  private async post(webhookId: number, eventId: number): Promise<{ status: number | null; error: string }> {
    const [hook] = await namedQuery<{ url: string; secret: string }>(this.ds, `SELECT "url", "secret" FROM "webhooks" WHERE "id" = :webhookId`, { webhookId });
    const [e] = await namedQuery<{ id: number; caseId: number; action: string; toStatus: string; data: string | null; createdAt: Date | string; number: string }>(
      this.ds,
      `SELECT e."id", e."case_id" AS "caseId", e."action", e."to_status" AS "toStatus", e."data", e."created_at" AS "createdAt", c."number" FROM "case_events" e JOIN "cases" c ON c."id" = e."case_id" WHERE e."id" = :eventId`,
      { eventId },
    );
    if (!hook || !e) return { status: null, error: 'webhook or event gone' };
    const body = webhookBody({ ...e, id: Number(e.id), caseId: Number(e.caseId), data: e.data ? JSON.parse(e.data) : null, createdAt: new Date(instantMs(e.createdAt)) });
    try {
      const res = await fetch(hook.url, { method: 'POST', headers: webhookHeaders(e.action, body, hook.secret), body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
      const said = res.ok ? '' : (await res.text().catch(() => '')).slice(0, 300);
      return { status: res.status, error: res.ok ? '' : `HTTP ${res.status} ${said}`.trim() };
    } catch (err) {
      const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      this.logger.debug(`webhook ${webhookId}: ${cause}`);
      return { status: null, error: cause };
    }
  }
}
