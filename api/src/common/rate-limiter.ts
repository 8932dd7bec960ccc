import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { namedQuery } from './named-query.js';

/**
 * How many hits a key may take in a window before it is locked, and for how long: the lock doubles with each
 * lockout in a row (`lockMs`, 2×, 4× … up to `maxLockMs`), and is forgotten once a `maxLockMs` passes without one.
 * A `limit` of 0 turns the rule off.
 */
export interface LimitRule {
  limit: number;
  windowMs: number;
  lockMs: number;
  maxLockMs: number;
}

/** How often an instance sweeps out counters nobody has hit for a while, and how long that while is. */
const SWEEP_EVERY_MS = 10 * 60_000;
const IDLE_MS = 24 * 3600_000;

/**
 * Fixed-window counters with lockouts, kept in the `rate_limits` table rather than in process memory, so that
 * every API instance on one database counts the same hits (a limit per instance would multiply by the number of
 * instances, and reset on every restart). Each hit is one upsert that both engines run atomically; a lockout is a
 * second, conditional update, so racing hits lock a key once. Written over a table rather than as
 * @nestjs/throttler's `ThrottlerStorage`: sign-in counts failures only, clears an account's count on success and
 * checks a lock before doing any work, none of which the throttler's guard (one increment per request) does.
 * The residents' public API (issue 17) can count its requests with `hit` the same way.
 */
@Injectable()
export class RateLimiter {
  private sweptAt = 0;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Milliseconds until the longest lock among these keys ends; 0 when none is locked. */
  async lockedFor(keys: string[], now = Date.now()): Promise<number> {
    if (!keys.length) return 0;
    const params = Object.fromEntries(keys.map((k, i) => [`k${i}`, k]));
    const list = keys.map((_, i) => `:k${i}`).join(', ');
    const rows = await this.query<{ until: number | string | null }>(`SELECT MAX("blocked_until") AS "until" FROM "rate_limits" WHERE "key" IN (${list})`, params);
    return Math.max(0, Number(rows[0]?.until ?? 0) - now);
  }

  /** Counts one hit; answers how long the key is now locked for (0: not locked). */
  async hit(key: string, rule: LimitRule, now = Date.now()): Promise<number> {
    if (rule.limit <= 0) return 0;
    this.sweep(now);
    const [row] = await this.query<{ hits: number | string; strikes: number | string }>(
      `INSERT INTO "rate_limits" ("key", "hits", "window_ends_at", "blocked_until", "strikes") VALUES (:key, 1, :windowEnd, 0, 0)
       ON CONFLICT ("key") DO UPDATE SET
         "hits" = CASE WHEN "rate_limits"."window_ends_at" <= :now THEN 1 ELSE "rate_limits"."hits" + 1 END,
         "window_ends_at" = CASE WHEN "rate_limits"."window_ends_at" <= :now THEN :windowEnd ELSE "rate_limits"."window_ends_at" END,
         "strikes" = CASE WHEN "rate_limits"."blocked_until" + :forget <= :now THEN 0 ELSE "rate_limits"."strikes" END
       RETURNING "hits", "strikes"`,
      { key, now, windowEnd: now + rule.windowMs, forget: rule.maxLockMs },
    );
    if (Number(row.hits) < rule.limit) return 0;
    const lockMs = Math.min(rule.lockMs * 2 ** Number(row.strikes), rule.maxLockMs);
    // Only the hit that finds the key unlocked locks it (and counts a strike); racing ones see its lock.
    await this.query(
      `UPDATE "rate_limits" SET "blocked_until" = :until, "strikes" = "strikes" + 1, "hits" = 0, "window_ends_at" = :now WHERE "key" = :key AND "blocked_until" < :now`,
      { key, now, until: now + lockMs },
    );
    return this.lockedFor([key], now);
  }

  /** Forgets a key's hits and lockouts (a successful sign-in clears its account's). */
  async clear(key: string): Promise<void> {
    await this.query(`DELETE FROM "rate_limits" WHERE "key" = :key`, { key });
  }

  /** Drops counters idle for a day (longer than any lock it could still grow); at most every ten minutes, never awaited. */
  private sweep(now: number) {
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    const before = now - IDLE_MS;
    this.query(`DELETE FROM "rate_limits" WHERE "window_ends_at" < :before AND "blocked_until" < :before`, { before }).catch(() => undefined);
  }

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    return namedQuery<T>(this.ds, sql, params);
  }
}
