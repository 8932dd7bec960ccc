import type { MigrationInterface, QueryRunner } from 'typeorm';
import { measureBitsSql } from '../../../reports/measures.js';

/**
 * `cases.measure_bits`: the measures each case counts in, a column the database computes from the row
 * (reports/measures.ts), added to the reports' covering index with the grid unit hot spots group by.
 * PostgreSQL stores it (the table is rewritten once).
 * Written by hand from the generated one; the expression comes from the same function as the entity's.
 */
export class MeasureBits1795980220218 implements MigrationInterface {
  name = 'MeasureBits1795980220218';

  async up(q: QueryRunner): Promise<void> {
    const expression = measureBitsSql('postgres');
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
