import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_tallies` striped on PostgreSQL: the trigger adds a case to the row of its key and of the writing
 * connection's stripe (its backend id modulo 8), so that concurrent intakes, of one API instance or of
 * several, no longer wait for one another on a unit's one row. A count is the sum over the stripes (as it
 * was a sum over units already: cases/case-tallies.ts reads them unchanged), exact at once. A stripe may
 * hold a negative n (a case counted in one stripe and moved out through another); `fold_case_tallies()`
 * gathers the stripes back into stripe 0 now and then (cases/intake-postgres.ts), so the rows stay few.
 * SQLite has one writer at a time: its tallies need no stripes.
 */
export class TallyStripes1796620000000 implements MigrationInterface {
  name = 'TallyStripes1796620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case_tallies" ADD COLUMN "stripe" smallint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "case_tallies" DROP CONSTRAINT "case_tallies_pkey"`);
    await q.query(`ALTER TABLE "case_tallies" ADD CONSTRAINT "case_tallies_pkey" PRIMARY KEY ("grid_unit_id", "department_id", "status", "overdue", "stripe")`);
    await q.query(`CREATE OR REPLACE FUNCTION "case_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s smallint := pg_backend_pid() % 8;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF OLD.grid_unit_id = NEW.grid_unit_id AND OLD.department_id IS NOT DISTINCT FROM NEW.department_id AND OLD.status = NEW.status AND OLD.overdue = NEW.overdue THEN RETURN NULL; END IF;
          INSERT INTO case_tallies (grid_unit_id, department_id, status, overdue, stripe, n) VALUES (OLD.grid_unit_id, COALESCE(OLD.department_id, 0), OLD.status, OLD.overdue, s, -1)
            ON CONFLICT (grid_unit_id, department_id, status, overdue, stripe) DO UPDATE SET n = case_tallies.n - 1;
        END IF;
        INSERT INTO case_tallies (grid_unit_id, department_id, status, overdue, stripe, n) VALUES (NEW.grid_unit_id, COALESCE(NEW.department_id, 0), NEW.status, NEW.overdue, s, 1)
          ON CONFLICT (grid_unit_id, department_id, status, overdue, stripe) DO UPDATE SET n = case_tallies.n + 1;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION "fold_case_tallies"() RETURNS void LANGUAGE sql AS $$
      WITH spread AS (DELETE FROM case_tallies WHERE stripe <> 0 RETURNING grid_unit_id, department_id, status, overdue, n)
      INSERT INTO case_tallies (grid_unit_id, department_id, status, overdue, stripe, n)
        SELECT grid_unit_id, department_id, status, overdue, 0, SUM(n) FROM spread GROUP BY 1, 2, 3, 4
      ON CONFLICT (grid_unit_id, department_id, status, overdue, stripe) DO UPDATE SET n = case_tallies.n + excluded.n
    $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT "fold_case_tallies"()`);
    await q.query(`DROP FUNCTION "fold_case_tallies"()`);
    await q.query(`CREATE OR REPLACE FUNCTION "case_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`ALTER TABLE "case_tallies" DROP CONSTRAINT "case_tallies_pkey"`);
    await q.query(`ALTER TABLE "case_tallies" ADD CONSTRAINT "case_tallies_pkey" PRIMARY KEY ("grid_unit_id", "department_id", "status", "overdue")`);
    await q.query(`ALTER TABLE "case_tallies" DROP COLUMN "stripe"`);
  }
}
