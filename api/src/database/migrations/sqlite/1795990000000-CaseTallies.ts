import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_tallies`: how many cases each grid unit holds in each status (cases/case-tallies.ts), kept by
 * triggers after every insert and every change of status or unit, whoever writes; filled here from the
 * cases already there.
 */
export class CaseTallies1795990000000 implements MigrationInterface {
  name = 'CaseTallies1795990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "case_tallies" ("grid_unit_id" integer NOT NULL, "status" varchar(20) NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("grid_unit_id", "status")) WITHOUT ROWID`);
    await q.query(`INSERT INTO "case_tallies" ("grid_unit_id", "status", "n") SELECT "grid_unit_id", "status", COUNT(*) FROM "cases" GROUP BY "grid_unit_id", "status"`);
    const add = (row: 'NEW' | 'OLD', delta: string) =>
      `INSERT INTO "case_tallies" ("grid_unit_id", "status", "n") VALUES (${row}."grid_unit_id", ${row}."status", ${delta}) ON CONFLICT ("grid_unit_id", "status") DO UPDATE SET "n" = "n" + excluded."n";`;
    await q.query(`CREATE TRIGGER "cases_tally_insert" AFTER INSERT ON "cases" BEGIN ${add('NEW', '1')} END`);
    await q.query(
      `CREATE TRIGGER "cases_tally_update" AFTER UPDATE OF "status", "grid_unit_id" ON "cases" WHEN OLD."status" <> NEW."status" OR OLD."grid_unit_id" <> NEW."grid_unit_id" BEGIN ${add('OLD', '-1')} ${add('NEW', '1')} END`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "cases_tally_update"`);
    await q.query(`DROP TRIGGER "cases_tally_insert"`);
    await q.query(`DROP TABLE "case_tallies"`);
  }
}
