import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The measures as reports/measures.ts computed them when this migration was written (frozen here). */
const MEASURE_BITS = [
  "(CASE WHEN \"status\" NOT IN ('merged', 'rejected') THEN 1 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND COALESCE(\"responded_at\", \"closed_at\") <= \"response_due_at\") THEN 2 ELSE 0 END)",
  "(CASE WHEN \"status\" = 'closed' THEN 4 ELSE 0 END)",
  "(CASE WHEN (\"status\" = 'closed' AND \"closed_at\" <= \"resolve_due_at\") THEN 8 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"follow_ups\" > 0) THEN 16 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"follow_ups_resolved\" > 0) THEN 32 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"follow_ups_resolved\" < \"follow_ups\") THEN 64 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"follow_ups_satisfied\" > 0) THEN 128 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"follow_ups_satisfied\" < \"follow_ups\") THEN 256 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"handled_directly\" = true) THEN 512 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"dispatched_at\" IS NOT NULL) THEN 1024 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"return_count\" > 0) THEN 2048 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND (\"status\" = 'closed' OR \"reopen_count\" > 0)) THEN 4096 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"reopen_count\" > 0) THEN 8192 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"is_repeat\" = true) THEN 16384 ELSE 0 END)",
  "(CASE WHEN (\"responded_at\" IS NOT NULL OR \"closed_at\" IS NOT NULL) THEN 32768 ELSE 0 END)"
].join(' + ');

/**
 * `cases.measure_bits`: the measures each case counts in, a column the database computes from the row
 * (reports/measures.ts), added to the reports' covering index with the grid unit hot spots group by.
 * PostgreSQL stores it (the table is rewritten once).
 * Written by hand from the generated one; the expression is the entity's as it was then, copied, so that
 * this migration does what it did whatever the code becomes.
 */
export class MeasureBits1795980220218 implements MigrationInterface {
  name = 'MeasureBits1795980220218';

  async up(q: QueryRunner): Promise<void> {
    const expression = MEASURE_BITS;
    await q.query(`DROP INDEX "public"."idx_cases_report"`);
    await q.query(`ALTER TABLE "cases" ADD COLUMN "measure_bits" integer GENERATED ALWAYS AS (${expression}) STORED`);
    await q.query(`INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)`, ['cases', 'GENERATED_COLUMN', 'measure_bits', expression]);
    await q.query(`CREATE INDEX "idx_cases_report" ON "cases" ("received_at", "unit_path", "status", "community_id", "grid_id", "grid_unit_id", "department_id", "category_id", "channel_id", "created_by_id", "measure_bits", "response_due_at", "follow_ups", "follow_ups_resolved", "follow_ups_satisfied", "close_hours", "close_workdays", "handled_directly", "dispatched_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_cases_report"`);
    await q.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'measure_bits' AND "table" = 'cases'`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "measure_bits"`);
    await q.query(`CREATE INDEX "idx_cases_report" ON "cases" ("received_at", "unit_path", "status", "community_id", "grid_id", "department_id", "category_id", "channel_id", "created_by_id", "response_due_at", "responded_at", "closed_at", "resolve_due_at", "handled_directly", "dispatched_at", "return_count", "reopen_count", "is_repeat", "follow_ups", "follow_ups_resolved", "follow_ups_satisfied", "close_hours", "close_workdays")`);
  }
}
