import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login that cannot be abused (issue 15): a token version on each user, put in every token it signs and
 * bumped by a logout or a password change, so earlier tokens stop working; and `rate_limits`, the counters
 * of failed sign-ins per account and per client address, in the database so that every instance on it
 * counts the same attempts. Times are milliseconds since the epoch (compared as numbers, on both engines).
 */
export class LoginLimits1796500000000 implements MigrationInterface {
  name = 'LoginLimits1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD COLUMN "token_version" integer NOT NULL DEFAULT (0)`);
    await q.query(
      `CREATE TABLE "rate_limits" ("key" varchar(200) PRIMARY KEY NOT NULL, "hits" integer NOT NULL, "window_ends_at" bigint NOT NULL, "blocked_until" bigint NOT NULL DEFAULT (0), "strikes" integer NOT NULL DEFAULT (0))`,
    );
    await q.query(`CREATE INDEX "IDX_rate_limits_window_ends_at" ON "rate_limits" ("window_ends_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rate_limits"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
