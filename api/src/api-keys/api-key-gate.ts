import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { forbidden, tooManyRequests } from '../common/errors.js';
import { namedQuery } from '../common/named-query.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { instantMs } from '../common/time.js';
import { waitWords } from '../auth/login-throttle.js';
import { keyHashOf } from './api-keys.service.js';

export interface KeyHolder {
  id: number;
  channelId: number;
}

const MINUTE_MS = 60_000;

interface KeyRow {
  id: number;
  channelId: number;
  perMinute: number;
  active: boolean | number;
  lastUsedAt: Date | string | null;
}

/**
 * Where an Open311 call's `api_key` is checked: unknown or revoked → 403; over its per-minute limit → 429 with
 * Retry-After, counted in the database (RateLimiter), so every instance counts the same calls; `last_used_at`
 * written at most once a minute, so a busy key does not write on every call.
 */
@Injectable()
export class ApiKeyGate {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly limiter: RateLimiter,
  ) {}

  async admit(key: unknown, now = Date.now()): Promise<KeyHolder> {
    if (typeof key !== 'string' || key === '') throw forbidden('open311KeyRequired');
    const [row] = await namedQuery<KeyRow>(
      this.ds,
      `SELECT "id", "channel_id" AS "channelId", "per_minute" AS "perMinute", "active", "last_used_at" AS "lastUsedAt" FROM "api_keys" WHERE "key_hash" = :hash`,
      { hash: keyHashOf(key) },
    );
    if (!row || !row.active) throw forbidden('open311KeyInvalid');
    const id = Number(row.id);
    await this.count(id, Number(row.perMinute), now);
    if (row.lastUsedAt === null || instantMs(row.lastUsedAt) < now - MINUTE_MS) {
      await namedQuery(this.ds, `UPDATE "api_keys" SET "last_used_at" = :at WHERE "id" = :id AND ("last_used_at" IS NULL OR "last_used_at" < :since)`, {
        id,
        at: new Date(now),
        since: new Date(now - MINUTE_MS),
      });
    }
    return { id, channelId: Number(row.channelId) };
  }

  /** `perMinute` calls pass in a minute; the one after is refused, and so is every call until the minute is out. */
  private async count(id: number, perMinute: number, now: number) {
    const key = `open311:key:${id}`;
    const locked = (await this.limiter.lockedFor([key], now)) || (await this.limiter.hit(key, { limit: perMinute + 1, windowMs: MINUTE_MS, lockMs: MINUTE_MS, maxLockMs: MINUTE_MS }, now));
    if (locked > 0) throw tooManyRequests('open311TooMany', locked / 1000, { wait: waitWords(locked) });
  }
}
