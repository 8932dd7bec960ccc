import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tamper-evident timeline: each event's place in its case's chain and its hash, the chains' heads, and
 * the watermark of the events written before (sealed at the next start, by the application's own sha256).
 */
export class TimelineChain1796530000000 implements MigrationInterface {
  name = 'TimelineChain1796530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case_events" ADD "seq" integer`);
    await q.query(`ALTER TABLE "case_events" ADD "hash" character varying(43)`);
    await q.query(
      `CREATE TABLE "case_chains" ("case_id" integer NOT NULL, "head" character varying(43) NOT NULL, "length" integer NOT NULL, CONSTRAINT "PK_case_chains" PRIMARY KEY ("case_id"), CONSTRAINT "FK_0c448169d378fb77207200c718a" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await q.query(`CREATE TABLE "timeline_backfill" ("id" integer NOT NULL, "upto_event_id" integer NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_timeline_backfill" PRIMARY KEY ("id"))`);
    await q.query(`INSERT INTO "timeline_backfill" ("id", "upto_event_id", "sealed_at") SELECT 1, COALESCE(MAX("id"), 0), NULL FROM "case_events"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "timeline_backfill"`);
    await q.query(`DROP TABLE "case_chains"`);
    await q.query(`ALTER TABLE "case_events" DROP COLUMN "hash"`);
    await q.query(`ALTER TABLE "case_events" DROP COLUMN "seq"`);
  }
}
