import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_tallies`: how many cases each grid unit holds per responsible unit, status and overdue flag
 * (cases/case-tallies.ts), kept by triggers after every insert and every change of those, whoever
 * writes; filled here from the cases already there. The lists' counts come from it, so the indexes of
 * the unit's and the overdue lists need only serve their order: (department, time) and (overdue, time).
 */
export class CaseTallies1795990000000 implements MigrationInterface {
  name = 'CaseTallies1795990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "case_tallies" ("grid_unit_id" integer NOT NULL, "department_id" integer NOT NULL, "status" varchar(20) NOT NULL, "overdue" boolean NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("grid_unit_id", "department_id", "status", "overdue")) WITHOUT ROWID`,
    );
    await q.query(
      `INSERT INTO "case_tallies" ("grid_unit_id", "department_id", "status", "overdue", "n") SELECT "grid_unit_id", COALESCE("department_id", 0), "status", "overdue", COUNT(*) FROM "cases" GROUP BY 1, 2, 3, 4`,
    );
    const add = (row: 'NEW' | 'OLD', delta: string) =>
      `INSERT INTO "case_tallies" ("grid_unit_id", "department_id", "status", "overdue", "n") VALUES (${row}."grid_unit_id", COALESCE(${row}."department_id", 0), ${row}."status", ${row}."overdue", ${delta}) ON CONFLICT ("grid_unit_id", "department_id", "status", "overdue") DO UPDATE SET "n" = "n" + excluded."n";`;
    await q.query(`CREATE TRIGGER "cases_tally_insert" AFTER INSERT ON "cases" BEGIN ${add('NEW', '1')} END`);
    await q.query(
      `CREATE TRIGGER "cases_tally_update" AFTER UPDATE OF "grid_unit_id", "department_id", "status", "overdue" ON "cases" WHEN OLD."grid_unit_id" <> NEW."grid_unit_id" OR OLD."department_id" IS NOT NEW."department_id" OR OLD."status" <> NEW."status" OR OLD."overdue" <> NEW."overdue" BEGIN ${add('OLD', '-1')} ${add('NEW', '1')} END`,
    );
    await q.query(`DROP INDEX "idx_cases_department_status"`);
    await q.query(`DROP INDEX "idx_cases_overdue_status"`);
    await q.query(`CREATE INDEX "idx_cases_department_received" ON "cases" ("department_id", "received_at") `);
    await q.query(`CREATE INDEX "idx_cases_overdue_received" ON "cases" ("overdue", "received_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_cases_overdue_received"`);
    await q.query(`DROP INDEX "idx_cases_department_received"`);
    await q.query(`CREATE INDEX "idx_cases_overdue_status" ON "cases" ("overdue", "status", "received_at") `);
    await q.query(`CREATE INDEX "idx_cases_department_status" ON "cases" ("department_id", "status", "received_at") `);
    await q.query(`DROP TRIGGER "cases_tally_update"`);
    await q.query(`DROP TRIGGER "cases_tally_insert"`);
    await q.query(`DROP TABLE "case_tallies"`);
  }
}
