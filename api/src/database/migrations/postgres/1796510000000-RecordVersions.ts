import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A `version` on every record the console edits: a PUT names the version it was read at and is refused
 * (409) when someone saved in between, instead of silently overwriting their change.
 */
const TABLES = ['grid_units', 'residents', 'departments', 'categories', 'channels', 'users', 'calendar_days'];

export class RecordVersions1796510000000 implements MigrationInterface {
  name = 'RecordVersions1796510000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE "${t}" ADD COLUMN "version" integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE "${t}" DROP COLUMN "version"`);
  }
}
