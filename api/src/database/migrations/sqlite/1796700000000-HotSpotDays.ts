import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns whose change can change which cases are hot: time, kind (category, unit at grid level), rejection. */
const READ = ['received_at', 'status', 'category_id', 'grid_id', 'grid_unit_id'];

/**
 * Marks the local days whose hot runs a case's time can change: its own day and one either side (hotness
 * looks one 24-hour window around a case), at the fixed offset of `report_rollup_clock`.
 */
const mark = (r: string) =>
  `INSERT OR IGNORE INTO "hot_spot_dirty" ("day") SELECT date(${r}."received_at", s.m, d.o) FROM ` +
  `(SELECT "shift_minutes" || ' minutes' AS m FROM "report_rollup_clock" WHERE "id" = 1) s, ` +
  `(SELECT '-1 days' AS o UNION ALL SELECT '+0 days' UNION ALL SELECT '+1 days') d;`;

/**
 * The hot spots' per-day cache (集中反映 under the default rule: 5 cases, 24 hours, at grid level): for each
 * day computed (`hot_spot_days`), its hot runs per unit and category (first and last time, count, and the cases
 * of its kind in no hot spot around and inside it), their case ids in `hot_spot_runs`. Triggers mark the days a
 * change of a case can affect in `hot_spot_dirty`; a report recomputes those (and the missing) itself.
 */
export class HotSpotDays1796700000000 implements MigrationInterface {
  name = 'HotSpotDays1796700000000';

  async up(q: QueryRunner): Promise<void> {
    // Each day's runs in one row (eight integers a run, hot-runs.ts): a year is 365 rows to read, not 140,000.
    await q.query(`CREATE TABLE "hot_spot_days" ("day" varchar PRIMARY KEY NOT NULL, "runs" blob NOT NULL) WITHOUT ROWID`);
    await q.query(`CREATE TABLE "hot_spot_dirty" ("day" varchar PRIMARY KEY NOT NULL) WITHOUT ROWID`);
    // The runs' case ids, read for the spots answered: a spot's are its kind's over a range of days.
    await q.query(`CREATE TABLE "hot_spot_runs" ("unit_id" integer NOT NULL, "category_id" integer NOT NULL, "day" varchar NOT NULL, "case_ids" blob NOT NULL, PRIMARY KEY ("unit_id", "category_id", "day")) WITHOUT ROWID`);
    await q.query(`CREATE INDEX "idx_hot_spot_runs_day" ON "hot_spot_runs" ("day")`);
    await q.query(`CREATE TRIGGER "hot_spot_dirty_insert" AFTER INSERT ON "cases" BEGIN ${mark('NEW')} END`);
    const changed = [
      `OLD."received_at" IS NOT NEW."received_at"`,
      `OLD."category_id" IS NOT NEW."category_id"`,
      `COALESCE(OLD."grid_id", OLD."grid_unit_id") IS NOT COALESCE(NEW."grid_id", NEW."grid_unit_id")`,
      `(OLD."status" = 'rejected') IS NOT (NEW."status" = 'rejected')`,
    ].join(' OR ');
    await q.query(`CREATE TRIGGER "hot_spot_dirty_update" AFTER UPDATE OF ${READ.map((c) => `"${c}"`).join(', ')} ON "cases" WHEN ${changed} BEGIN ${mark('OLD')} ${mark('NEW')} END`);
    await q.query(`CREATE TRIGGER "hot_spot_dirty_delete" AFTER DELETE ON "cases" BEGIN ${mark('OLD')} END`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "hot_spot_dirty_${t}"`);
    for (const t of ['hot_spot_runs', 'hot_spot_dirty', 'hot_spot_days']) await q.query(`DROP TABLE "${t}"`);
  }
}
