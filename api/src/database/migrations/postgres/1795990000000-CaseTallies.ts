import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_tallies`: how many cases each grid unit holds in each status (cases/case-tallies.ts), kept by a
 * trigger after every insert and every change of status or unit, whoever writes; filled here from the
 * cases already there.
 */
export class CaseTallies1795990000000 implements MigrationInterface {
  name = 'CaseTallies1795990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "case_tallies" ("grid_unit_id" integer NOT NULL, "status" varchar(20) NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("grid_unit_id", "status"))`);
    await q.query(`INSERT INTO "case_tallies" ("grid_unit_id", "status", "n") SELECT "grid_unit_id", "status", COUNT(*) FROM "cases" GROUP BY "grid_unit_id", "status"`);
    await q.query(`CREATE FUNCTION "case_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF OLD.status = NEW.status AND OLD.grid_unit_id = NEW.grid_unit_id THEN RETURN NULL; END IF;
          UPDATE case_tallies SET n = n - 1 WHERE grid_unit_id = OLD.grid_unit_id AND status = OLD.status;
        END IF;
        INSERT INTO case_tallies (grid_unit_id, status, n) VALUES (NEW.grid_unit_id, NEW.status, 1)
          ON CONFLICT (grid_unit_id, status) DO UPDATE SET n = case_tallies.n + 1;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "cases_tally" AFTER INSERT OR UPDATE OF "status", "grid_unit_id" ON "cases" FOR EACH ROW EXECUTE FUNCTION "case_tally"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "cases_tally" ON "cases"`);
    await q.query(`DROP FUNCTION "case_tally"()`);
    await q.query(`DROP TABLE "case_tallies"`);
  }
}
