import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TodoIndexes1795460402032 implements MigrationInterface {
  name = 'TodoIndexes1795460402032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_cases_overdue_received"`);
    await q.query(`CREATE INDEX "idx_cases_supervise_status" ON "cases"  ("supervise_level", "status") `);
    await q.query(`CREATE INDEX "idx_cases_extension_pending" ON "cases"  ("extension_days_pending") `);
    await q.query(`CREATE INDEX "idx_cases_overdue_status" ON "cases"  ("overdue", "status", "received_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_cases_overdue_status"`);
    await q.query(`DROP INDEX "public"."idx_cases_extension_pending"`);
    await q.query(`DROP INDEX "public"."idx_cases_supervise_status"`);
    await q.query(`CREATE INDEX "idx_cases_overdue_received" ON "cases" USING btree ("received_at", "overdue") `);
  }
}
