import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportIndex1795980001414 implements MigrationInterface {
  name = 'ReportIndex1795980001414';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_cases_report" ON "cases" ("received_at", "unit_path", "status", "community_id", "grid_id", "department_id", "category_id", "channel_id", "created_by_id", "response_due_at", "responded_at", "closed_at", "resolve_due_at", "handled_directly", "dispatched_at", "return_count", "reopen_count", "is_repeat", "follow_ups", "follow_ups_resolved", "follow_ups_satisfied", "close_hours", "close_workdays") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_cases_report"`);
  }
}
