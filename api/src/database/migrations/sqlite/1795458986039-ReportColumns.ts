import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillReportColumns } from '../backfill-report-columns.js';

/**
 * Report columns on cases (community and grid, closure times, repeat mark, follow-up tallies), added in place and filled for
 * the cases already there. Written by hand from the generated one: ALTER TABLE … ADD COLUMN instead of
 * copying a table of a million cases.
 */
export class ReportColumns1795458986039 implements MigrationInterface {
  name = 'ReportColumns1795458986039';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD COLUMN "community_id" integer`);
    await q.query(`ALTER TABLE "cases" ADD COLUMN "grid_id" integer`);
    await q.query(`ALTER TABLE "cases" ADD COLUMN "close_hours" real`);
    await q.query(`ALTER TABLE "cases" ADD COLUMN "close_workdays" integer`);
    await q.query(`ALTER TABLE "cases" ADD COLUMN "is_repeat" boolean NOT NULL DEFAULT (0)`);
    for (const column of ['follow_ups', 'follow_ups_resolved', 'follow_ups_satisfied']) await q.query(`ALTER TABLE "cases" ADD COLUMN "${column}" integer NOT NULL DEFAULT (0)`);
    await backfillReportColumns(q, 'sqlite');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['follow_ups_satisfied', 'follow_ups_resolved', 'follow_ups', 'is_repeat', 'close_workdays', 'close_hours', 'grid_id', 'community_id']) await q.query(`ALTER TABLE "cases" DROP COLUMN "${column}"`);
  }
}
