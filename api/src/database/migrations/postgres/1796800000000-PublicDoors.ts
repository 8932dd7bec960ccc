import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17's doors: categories and channels offered to the public, the origin and follow secret of a request
 * asked from outside, integrators' API keys, webhooks and their deliveries (read from the timeline past a
 * cursor that starts at the newest event: nothing written before a webhook existed is sent), and each timeline
 * entry's visibility to the resident.
 */
export class PublicDoors1796800000000 implements MigrationInterface {
  name = 'PublicDoors1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "api_keys" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, "key_hash" character varying(64) NOT NULL, "prefix" character varying(12) NOT NULL, "channel_id" integer NOT NULL, "per_minute" integer NOT NULL DEFAULT '60', "active" boolean NOT NULL DEFAULT true, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "idx_api_keys_hash" ON "api_keys"  ("key_hash") `);
    await q.query(`CREATE TABLE "case_sources" ("case_id" integer NOT NULL, "origin" character varying(20) NOT NULL, "secret_hash" character varying(64), "api_key_id" integer, "token" character varying(40), "company" character varying(100), "credit_code" character varying(18), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_add32e45445b9bbc7e31298107c" PRIMARY KEY ("case_id"))`);
    await q.query(`CREATE UNIQUE INDEX "idx_case_sources_token" ON "case_sources"  ("token") `);
    await q.query(`CREATE TABLE "webhooks" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, "url" character varying(500) NOT NULL, "secret" character varying(200) NOT NULL, "events" text NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "webhook_cursor" ("id" integer NOT NULL, "last_event_id" integer NOT NULL, CONSTRAINT "PK_0c6c384afe5f86ad6ef997092d2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "webhook_deliveries" ("id" SERIAL NOT NULL, "webhook_id" integer NOT NULL, "event_id" integer NOT NULL, "case_id" integer NOT NULL, "event" character varying(30) NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" bigint NOT NULL DEFAULT '0', "leased_until" bigint NOT NULL DEFAULT '0', "last_status" integer, "last_error" character varying(500), "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_webhook_deliveries_list" ON "webhook_deliveries"  ("webhook_id", "id") `);
    await q.query(`CREATE INDEX "idx_webhook_deliveries_order" ON "webhook_deliveries"  ("webhook_id", "case_id", "id") `);
    await q.query(`CREATE INDEX "idx_webhook_deliveries_due" ON "webhook_deliveries"  ("state", "next_attempt_at") `);
    await q.query(`ALTER TABLE "categories" ADD "public" boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE "categories" ADD "keywords" character varying(200)`);
    await q.query(`ALTER TABLE "channels" ADD "public_entry" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "case_events" ADD "visibility" character varying(10)`);
    await q.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "FK_d247b8c4cb0c9b64beb71d7047a" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "case_sources" ADD CONSTRAINT "FK_add32e45445b9bbc7e31298107c" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "case_sources" ADD CONSTRAINT "FK_e01b17deaf5cc59b8009767c0b6" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_27d1ee90033bdafe0ffe8f1be6f" FOREIGN KEY ("event_id") REFERENCES "case_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`INSERT INTO "webhook_cursor" ("id", "last_event_id") SELECT 1, COALESCE(MAX("id"), 0) FROM "case_events"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_27d1ee90033bdafe0ffe8f1be6f"`);
    await q.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2"`);
    await q.query(`ALTER TABLE "case_sources" DROP CONSTRAINT "FK_e01b17deaf5cc59b8009767c0b6"`);
    await q.query(`ALTER TABLE "case_sources" DROP CONSTRAINT "FK_add32e45445b9bbc7e31298107c"`);
    await q.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_d247b8c4cb0c9b64beb71d7047a"`);
    await q.query(`ALTER TABLE "case_events" DROP COLUMN "visibility"`);
    await q.query(`ALTER TABLE "channels" DROP COLUMN "public_entry"`);
    await q.query(`ALTER TABLE "categories" DROP COLUMN "keywords"`);
    await q.query(`ALTER TABLE "categories" DROP COLUMN "public"`);
    await q.query(`DROP INDEX "public"."idx_webhook_deliveries_due"`);
    await q.query(`DROP INDEX "public"."idx_webhook_deliveries_order"`);
    await q.query(`DROP INDEX "public"."idx_webhook_deliveries_list"`);
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TABLE "webhook_cursor"`);
    await q.query(`DROP TABLE "webhooks"`);
    await q.query(`DROP INDEX "public"."idx_case_sources_token"`);
    await q.query(`DROP TABLE "case_sources"`);
    await q.query(`DROP INDEX "public"."idx_api_keys_hash"`);
    await q.query(`DROP TABLE "api_keys"`);
  }
}
