import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_tallies`: how many cases each grid unit holds per responsible unit, status and overdue flag
 * (cases/case-tallies.ts), kept by a trigger after every insert and every change of those, whoever
 * writes; filled here from the cases already there. The lists' counts come from it, so the indexes of
 * the unit's and the overdue lists need only serve their order: (department, time) and (overdue, time).
 */
export class CaseTallies1795990000000 implements MigrationInterface {
  name = 'CaseTallies1795990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "case_tallies" ("grid_unit_id" integer NOT NULL, "department_id" integer NOT NULL, "status" varchar(20) NOT NULL, "overdue" boolean NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("grid_unit_id", "department_id", "status", "overdue"))`,
    );
    await q.query(
      `INSERT INTO "case_tallies" ("grid_unit_id", "department_id", "status", "overdue", "n") SELECT "grid_unit_id", COALESCE("department_id", 0), "status", "overdue", COUNT(*) FROM "cases" GROUP BY 1, 2, 3, 4`,
    );
    await q.query(`CREATE FUNCTION "case_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF OLD.grid_unit_id = NEW.grid_unit_id AND OLD.department_id IS NOT DISTINCT FROM NEW.department_id AND OLD.status = NEW.status AND OLD.overdue = NEW.overdue THEN RETURN NULL; END IF;
          UPDATE case_tallies SET n = n - 1
            WHERE grid_unit_id = OLD.grid_unit_id AND department_id = COALESCE(OLD.department_id, 0) AND status = OLD.status AND overdue = OLD.overdue;
        END IF;
        INSERT INTO case_tallies (grid_unit_id, department_id, status, overdue, n) VALUES (NEW.grid_unit_id, COALESCE(NEW.department_id, 0), NEW.status, NEW.overdue, 1)
          ON CONFLICT (grid_unit_id, department_id, status, overdue) DO UPDATE SET n = case_tallies.n + 1;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "cases_tally" AFTER INSERT OR UPDATE OF "grid_unit_id", "department_id", "status", "overdue" ON "cases" FOR EACH ROW EXECUTE FUNCTION "case_tally"()`);
    await q.query(`DROP INDEX "public"."idx_cases_department_status"`);
    await q.query(`DROP INDEX "public"."idx_cases_overdue_status"`);
    await q.query(`CREATE INDEX "idx_cases_department_received" ON "cases" ("department_id", "received_at") `);
    await q.query(`CREATE INDEX "idx_cases_overdue_received" ON "cases" ("overdue", "received_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_cases_overdue_received"`);
    await q.query(`DROP INDEX "public"."idx_cases_department_received"`);
    await q.query(`CREATE INDEX "idx_cases_overdue_status" ON "cases" ("overdue", "status", "received_at") `);
    await q.query(`CREATE INDEX "idx_cases_department_status" ON "cases" ("department_id", "status", "received_at") `);
    await q.query(`DROP TRIGGER "cases_tally" ON "cases"`);
    await q.query(`DROP FUNCTION "case_tally"()`);
    await q.query(`DROP TABLE "case_tallies"`);
  }
}
