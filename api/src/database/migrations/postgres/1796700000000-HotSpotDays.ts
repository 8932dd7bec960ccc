import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the local days whose hot runs the cases' times in `rows` can change: each one's own day and one either
 * side (hotness looks one 24-hour window around a case), at the fixed offset of `report_rollup_clock`. Once a
 * day's mark is there (intake marks today's at its first case), a writer adds nothing and waits on nobody.
 */
const mark = (rows: string) =>
  `INSERT INTO "hot_spot_dirty" ("day") SELECT DISTINCT to_char(((r."received_at" AT TIME ZONE 'UTC') + make_interval(mins => s."shift_minutes"))::date + d.o, 'YYYY-MM-DD') ` +
  `FROM ${rows} r CROSS JOIN "report_rollup_clock" s CROSS JOIN (VALUES (-1), (0), (1)) d(o) WHERE s."id" = 1 ORDER BY 1 ON CONFLICT ("day") DO NOTHING`;

/** A change of one of these can change which cases are hot: time, kind (category, unit at grid level), rejection. */
const CHANGED = [
  `o."received_at" IS DISTINCT FROM n."received_at"`,
  `o."category_id" IS DISTINCT FROM n."category_id"`,
  `COALESCE(o."grid_id", o."grid_unit_id") IS DISTINCT FROM COALESCE(n."grid_id", n."grid_unit_id")`,
  `(o."status" = 'rejected') IS DISTINCT FROM (n."status" = 'rejected')`,
].join(' OR ');

/**
 * The hot spots' per-day cache (集中反映 under the default rule: 5 cases, 24 hours, at grid level): for each
 * day computed (`hot_spot_days`), its hot runs per unit and category (first and last time, count, and the cases
 * of its kind in no hot spot around and inside it), their case ids in `hot_spot_runs`. Statement triggers mark
 * the days a change of cases can affect in `hot_spot_dirty`; a report recomputes those (and the missing).
 */
export class HotSpotDays1796700000000 implements MigrationInterface {
  name = 'HotSpotDays1796700000000';

  async up(q: QueryRunner): Promise<void> {
    // Each day's runs in one row (eight integers a run, hot-runs.ts): a year is 365 rows to read, not 140,000.
    await q.query(`CREATE TABLE "hot_spot_days" ("day" varchar(10) PRIMARY KEY, "runs" bytea NOT NULL)`);
    await q.query(`CREATE TABLE "hot_spot_dirty" ("day" varchar(10) PRIMARY KEY)`);
    // The runs' case ids, read for the spots answered: a spot's are its kind's over a range of days.
    await q.query(`CREATE TABLE "hot_spot_runs" ("unit_id" integer NOT NULL, "category_id" integer NOT NULL, "day" varchar(10) NOT NULL, "case_ids" bytea NOT NULL, PRIMARY KEY ("unit_id", "category_id", "day"))`);
    await q.query(`CREATE INDEX "idx_hot_spot_runs_day" ON "hot_spot_runs" ("day")`);
    const moved = (side: 'o' | 'n') => `(SELECT ${side}."received_at" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE ${CHANGED})`;
    const bodies: [string, string, string][] = [
      ['insert', 'INSERT', mark('new_rows')],
      ['update', 'UPDATE', `${mark(moved('o'))}; ${mark(moved('n'))}`],
      ['delete', 'DELETE', mark('old_rows')],
    ];
    for (const [name, event, body] of bodies) {
      await q.query(`CREATE FUNCTION "hot_spot_dirty_${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body}; RETURN NULL; END $$`);
      const transition = event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER "hot_spot_dirty_${name}" AFTER ${event} ON "cases" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION "hot_spot_dirty_${name}"()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER "hot_spot_dirty_${t}" ON "cases"`);
      await q.query(`DROP FUNCTION "hot_spot_dirty_${t}"()`);
    }
    for (const t of ['hot_spot_runs', 'hot_spot_dirty', 'hot_spot_days']) await q.query(`DROP TABLE "${t}"`);
  }
}
