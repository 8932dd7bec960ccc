import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timeline entries in the order they were written, for Open311's `servicerequestupdates` (a window of up to
 * 90 days, a page at a time): without it each page sorted the window's entries (1.9 s at a million cases).
 */
export class TimelineTimeIndex1796810000000 implements MigrationInterface {
  name = 'TimelineTimeIndex1796810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_case_events_created" ON "case_events" ("created_at", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_case_events_created"`);
  }
}
