import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillReportColumns } from '../backfill-report-columns.js';

export class ReportColumns1795458986039 implements MigrationInterface {
  name = 'ReportColumns1795458986039';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "community_id" integer`);
    await q.query(`ALTER TABLE "cases" ADD "grid_id" integer`);
    await q.query(`ALTER TABLE "cases" ADD "close_hours" double precision`);
    await q.query(`ALTER TABLE "cases" ADD "close_workdays" integer`);
    await q.query(`ALTER TABLE "cases" ADD "is_repeat" boolean NOT NULL DEFAULT false`);
    for (const column of ['follow_ups', 'follow_ups_resolved', 'follow_ups_satisfied']) await q.query(`ALTER TABLE "cases" ADD "${column}" integer NOT NULL DEFAULT 0`);
    await backfillReportColumns(q, 'postgres');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['follow_ups_satisfied', 'follow_ups_resolved', 'follow_ups']) await q.query(`ALTER TABLE "cases" DROP COLUMN "${column}"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "is_repeat"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "close_workdays"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "close_hours"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "grid_id"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "community_id"`);
  }
}
