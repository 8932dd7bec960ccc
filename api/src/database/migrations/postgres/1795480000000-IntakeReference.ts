import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reference data intake keeps in memory (cases/intake-reference.ts), each with its change counter. */
const TABLES = ['channels', 'categories', 'grid_units', 'calendar_days'];

/**
 * Intake without a query per reference row: every write to channels, categories, grid units or calendar
 * days bumps that table's row in `reference_versions`, by a statement trigger, in the writer's own
 * transaction, whoever the writer is (any API instance, the seed command, a hand-typed UPDATE). An instance
 * reads the counters with one statement per intake and reloads what changed. And 重复诉求 by one index seek.
 */
export class IntakeReference1795480000000 implements MigrationInterface {
  name = 'IntakeReference1795480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_cases_reporter_phone"`);
    await q.query(`CREATE INDEX "idx_cases_repeat" ON "cases"  ("reporter_phone", "category_id", "received_at") `);
    await q.query(`CREATE TABLE "reference_versions" ("name" character varying(30) NOT NULL PRIMARY KEY, "version" bigint NOT NULL DEFAULT 0)`);
    await q.query(`CREATE FUNCTION "bump_reference_version"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "reference_versions" SET "version" = "version" + 1 WHERE "name" = TG_TABLE_NAME;
        RETURN NULL;
      END $$`);
    for (const t of TABLES) {
      await q.query(`INSERT INTO "reference_versions" ("name", "version") VALUES ('${t}', 1)`);
      await q.query(`CREATE TRIGGER "trg_${t}_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${t}" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`DROP TRIGGER "trg_${t}_version" ON "${t}"`);
    await q.query(`DROP FUNCTION "bump_reference_version"()`);
    await q.query(`DROP TABLE "reference_versions"`);
    await q.query(`DROP INDEX "public"."idx_cases_repeat"`);
    await q.query(`CREATE INDEX "idx_cases_reporter_phone" ON "cases" USING btree ("reporter_phone") `);
  }
}
