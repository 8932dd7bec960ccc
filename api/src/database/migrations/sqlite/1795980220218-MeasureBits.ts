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
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"handled_directly\" = 1) THEN 512 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"dispatched_at\" IS NOT NULL) THEN 1024 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"return_count\" > 0) THEN 2048 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND (\"status\" = 'closed' OR \"reopen_count\" > 0)) THEN 4096 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"reopen_count\" > 0) THEN 8192 ELSE 0 END)",
  "(CASE WHEN (\"status\" NOT IN ('merged', 'rejected') AND \"is_repeat\" = 1) THEN 16384 ELSE 0 END)",
  "(CASE WHEN (\"responded_at\" IS NOT NULL OR \"closed_at\" IS NOT NULL) THEN 32768 ELSE 0 END)"
].join(' + ');
const MEASURE_BITS_OF_NEW = MEASURE_BITS.replace(/"([a-z_]+)"/g, 'NEW."$1"');
/** The columns those measures read. */
const MEASURE_COLUMNS = ["status", "responded_at", "closed_at", "response_due_at", "resolve_due_at", "follow_ups", "follow_ups_resolved", "follow_ups_satisfied", "handled_directly", "dispatched_at", "return_count", "reopen_count", "is_repeat"];
/** What a case just received counts in. */
const RECEIVED_BITS = 1;

/**
 * `cases.measure_bits`: the measures each case counts in (reports/measures.ts), in the reports' covering
 * index with the grid unit hot spots group by. SQLite does not read a generated column from an index, so
 * this is a plain column that triggers keep, after every insert and every update of a column a measure
 * reads, whoever writes; filled here for the cases already there.
 */
export class MeasureBits1795980220218 implements MigrationInterface {
  name = 'MeasureBits1795980220218';

  async up(q: QueryRunner): Promise<void> {
    const expression = MEASURE_BITS;
    // Only when the row's bits are not what its columns say: a case received as intake writes it (the
    // default) or an action that changes no measure costs no second write.
    const stale = `NEW."measure_bits" <> (${MEASURE_BITS_OF_NEW})`;
    const columns = MEASURE_COLUMNS.map((c) => `"${c}"`).join(', ');
    await q.query(`DROP INDEX "idx_cases_report"`);
    await q.query(`ALTER TABLE "cases" ADD COLUMN "measure_bits" integer NOT NULL DEFAULT (${RECEIVED_BITS})`);
    await q.query(`UPDATE "cases" SET "measure_bits" = ${expression}`);
    await q.query(`CREATE TRIGGER "cases_measure_bits_insert" AFTER INSERT ON "cases" WHEN ${stale} BEGIN UPDATE "cases" SET "measure_bits" = ${expression} WHERE "id" = NEW."id"; END`);
    await q.query(`CREATE TRIGGER "cases_measure_bits_update" AFTER UPDATE OF ${columns} ON "cases" WHEN ${stale} BEGIN UPDATE "cases" SET "measure_bits" = ${expression} WHERE "id" = NEW."id"; END`);
    await q.query(
      `CREATE INDEX "idx_cases_report" ON "cases" ("received_at", "unit_path", "status", "community_id", "grid_id", "grid_unit_id", "department_id", "category_id", "channel_id", "created_by_id", "measure_bits", "response_due_at", "follow_ups", "follow_ups_resolved", "follow_ups_satisfied", "close_hours", "close_workdays", "handled_directly", "dispatched_at") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_cases_report"`);
    await q.query(`DROP TRIGGER "cases_measure_bits_update"`);
    await q.query(`DROP TRIGGER "cases_measure_bits_insert"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "measure_bits"`);
    await q.query(
      `CREATE INDEX "idx_cases_report" ON "cases" ("received_at", "unit_path", "status", "community_id", "grid_id", "department_id", "category_id", "channel_id", "created_by_id", "response_due_at", "responded_at", "closed_at", "resolve_due_at", "handled_directly", "dispatched_at", "return_count", "reopen_count", "is_repeat", "follow_ups", "follow_ups_resolved", "follow_ups_satisfied", "close_hours", "close_workdays") `,
    );
  }
}
