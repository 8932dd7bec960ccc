import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue scan (workflow/overdue-scan.service.ts) reads, per clock, the open cases whose due time has
 * passed and that are not flagged yet. Each clock gets a partial index holding exactly the cases that may
 * still go late on it, by due time: a pass reads the candidates and nothing else (before: the open statuses'
 * every overdue case too, on PostgreSQL 2 s a pass at 1.2 million cases). The conditions are written
 * as the scan writes them (the statuses as literals), which is how the planner proves the index applies.
 */
const OPEN = `'received', 'dispatched', 'in_progress', 'returned', 'replied'`;

export class OverdueScanIndexes1796600000000 implements MigrationInterface {
  name = 'OverdueScanIndexes1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_cases_sign_late" ON "cases" ("status", "sign_due_at") WHERE "status" IN ('dispatched') AND NOT "sign_overdue" AND "accepted_at" IS NULL`);
    await q.query(`CREATE INDEX "idx_cases_response_late" ON "cases" ("status", "response_due_at") WHERE "status" IN (${OPEN}) AND NOT "response_overdue" AND "responded_at" IS NULL`);
    await q.query(`CREATE INDEX "idx_cases_resolve_late" ON "cases" ("status", "resolve_due_at") WHERE "status" IN (${OPEN}) AND NOT "resolve_overdue"`);
    // Statistics for the new indexes (as AssigneeIndex: without skip-scans, as refreshStatistics keeps them).
    for (const idx of ['idx_cases_sign_late', 'idx_cases_response_late', 'idx_cases_resolve_late']) {
      await q.query(`ANALYZE "${idx}"`);
      await q.query(`UPDATE sqlite_stat1 SET stat = stat || ' noskipscan' WHERE idx = '${idx}' AND stat NOT LIKE '%noskipscan%'`);
    }
    await q.query('ANALYZE sqlite_schema');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_cases_resolve_late"`);
    await q.query(`DROP INDEX "idx_cases_response_late"`);
    await q.query(`DROP INDEX "idx_cases_sign_late"`);
  }
}
