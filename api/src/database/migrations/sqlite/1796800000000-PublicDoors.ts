import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17's doors: categories and channels offered to the public, the origin and follow secret of a request
 * asked from outside, integrators' API keys, webhooks and their deliveries (read from the timeline past a
 * cursor that starts at the newest event: nothing written before a webhook existed is sent), and each timeline
 * entry's visibility to the resident. Columns are added in place (`ADD COLUMN`), never by copying a table:
 * case_events holds millions of rows.
 */
export class PublicDoors1796800000000 implements MigrationInterface {
  name = 'PublicDoors1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "api_keys" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "key_hash" varchar(64) NOT NULL, "prefix" varchar(12) NOT NULL, "channel_id" integer NOT NULL, "per_minute" integer NOT NULL DEFAULT (60), "active" boolean NOT NULL DEFAULT (1), "last_used_at" datetime, "revoked_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_d247b8c4cb0c9b64beb71d7047a" FOREIGN KEY ("channel_id") REFERENCES "channels" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE UNIQUE INDEX "idx_api_keys_hash" ON "api_keys" ("key_hash") `);
    await q.query(`CREATE TABLE "case_sources" ("case_id" integer PRIMARY KEY NOT NULL, "origin" varchar(20) NOT NULL, "secret_hash" varchar(64), "api_key_id" integer, "token" varchar(40), "company" varchar(100), "credit_code" varchar(18), "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_add32e45445b9bbc7e31298107c" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e01b17deaf5cc59b8009767c0b6" FOREIGN KEY ("api_key_id") REFERENCES "api_keys" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE UNIQUE INDEX "idx_case_sources_token" ON "case_sources" ("token") `);
    await q.query(`CREATE TABLE "webhooks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "url" varchar(500) NOT NULL, "secret" varchar(200) NOT NULL, "events" text NOT NULL DEFAULT ('[]'), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1))`);
    await q.query(`CREATE TABLE "webhook_cursor" ("id" integer PRIMARY KEY NOT NULL, "last_event_id" integer NOT NULL)`);
    await q.query(`CREATE TABLE "webhook_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "webhook_id" integer NOT NULL, "event_id" integer NOT NULL, "case_id" integer NOT NULL, "event" varchar(30) NOT NULL, "state" varchar(10) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" bigint NOT NULL DEFAULT (0), "leased_until" bigint NOT NULL DEFAULT (0), "last_status" integer, "last_error" varchar(500), "delivered_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2" FOREIGN KEY ("webhook_id") REFERENCES "webhooks" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_27d1ee90033bdafe0ffe8f1be6f" FOREIGN KEY ("event_id") REFERENCES "case_events" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "idx_webhook_deliveries_list" ON "webhook_deliveries" ("webhook_id", "id") `);
    await q.query(`CREATE INDEX "idx_webhook_deliveries_order" ON "webhook_deliveries" ("webhook_id", "case_id", "id") `);
    await q.query(`CREATE INDEX "idx_webhook_deliveries_due" ON "webhook_deliveries" ("state", "next_attempt_at") `);
    await q.query(`ALTER TABLE "categories" ADD COLUMN "public" boolean NOT NULL DEFAULT (1)`);
    await q.query(`ALTER TABLE "categories" ADD COLUMN "keywords" varchar(200)`);
    await q.query(`ALTER TABLE "channels" ADD COLUMN "public_entry" boolean NOT NULL DEFAULT (0)`);
    await q.query(`ALTER TABLE "case_events" ADD COLUMN "visibility" varchar(10)`);
    await q.query(`INSERT INTO "webhook_cursor" ("id", "last_event_id") SELECT 1, COALESCE(MAX("id"), 0) FROM "case_events"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case_events" DROP COLUMN "visibility"`);
    await q.query(`ALTER TABLE "channels" DROP COLUMN "public_entry"`);
    await q.query(`ALTER TABLE "categories" DROP COLUMN "keywords"`);
    await q.query(`ALTER TABLE "categories" DROP COLUMN "public"`);
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TABLE "webhook_cursor"`);
    await q.query(`DROP TABLE "webhooks"`);
    await q.query(`DROP TABLE "case_sources"`);
    await q.query(`DROP TABLE "api_keys"`);
  }
}
