import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closure-time rollups (issue 16, item 4), frozen here as written: per local month of receipt and place,
 * each report grouping's closed cases by closing time, so a year's median and 90th percentile need no pass
 * over the cases. Hours go in logarithmic buckets (bucket i holds (1.05^(i-1), 1.05^i], so any value read
 * back from its bucket is within 2.5 % of the true one); working days are whole numbers and kept exactly.
 * A case counts when `measure_bits` has the closed bit (4) and it has a closing time; on time is bit 8.
 */
const READ = ['received_at', 'grid_unit_id', 'grid_id', 'community_id', 'department_id', 'category_id', 'channel_id', 'assignee_id', 'measure_bits', 'close_hours', 'close_workdays'];
const KEY = ['dim', 'month', 'place_id', 'value', 'hours_bucket', 'workdays'];
const COLUMNS = [...KEY, 'n', 'on_time', 'hours_sum'];
const quoted = (cs: string[]) => cs.map((c) => `"${c}"`).join(', ');

/** The same groupings and places as the CaseRollups migration's. */
const KEYS = `(VALUES
  (0, COALESCE(r."grid_id", r."grid_unit_id"), COALESCE(r."grid_id", 0)),
  (5, COALESCE(r."grid_id", r."grid_unit_id"), COALESCE(r."community_id", 0)),
  (1, COALESCE(r."community_id", r."grid_unit_id"), COALESCE(r."department_id", 0)),
  (2, COALESCE(r."community_id", r."grid_unit_id"), r."category_id"),
  (3, COALESCE(r."community_id", r."grid_unit_id"), r."channel_id"),
  (4, COALESCE(r."community_id", r."grid_unit_id"), COALESCE(r."assignee_id", 0))) k(dim, place_id, value)`;
const MONTH = `date_trunc('month', (r."received_at" AT TIME ZONE 'UTC') + make_interval(mins => s."shift_minutes"))::date`;
const HOURS_BUCKET = `(CASE WHEN r."close_hours" <= 0 THEN -32768 ELSE ceil(ln(r."close_hours") / ln(1.05))::integer END)`;
const contributions = (source: string, sign: number) =>
  `SELECT k.dim, ${MONTH} AS month, k.place_id, k.value, ${HOURS_BUCKET} AS hours_bucket, COALESCE(r."close_workdays", -1) AS workdays, ${sign} AS n, ` +
  `${sign} * (CASE WHEN (r."measure_bits" & 8) = 8 THEN 1 ELSE 0 END) AS on_time, ${sign} * r."close_hours" AS hours_sum ` +
  `FROM ${source} r CROSS JOIN "report_rollup_clock" s CROSS JOIN LATERAL ${KEYS} WHERE s."id" = 1 AND (r."measure_bits" & 4) = 4 AND r."close_hours" IS NOT NULL`;
/** Summed per key; keys whose changes cancel out are left out. */
const summed = (from: string) => `SELECT ${quoted(KEY)}, SUM("n"), SUM("on_time"), SUM("hours_sum") FROM (${from}) x GROUP BY ${quoted(KEY)} HAVING SUM("n") <> 0 OR SUM("on_time") <> 0`;
const appendDeltas = (from: string) => `INSERT INTO "case_closure_rollup_deltas" (${quoted(COLUMNS)}) ${summed(from)}`;

/**
 * `case_closure_rollups`, kept like `case_rollups`: statement triggers append each statement's changes to
 * `case_closure_rollup_deltas`, which the application folds in every few seconds; reports read both.
 */
export class ClosureRollups1796670000000 implements MigrationInterface {
  name = 'ClosureRollups1796670000000';

  async up(q: QueryRunner): Promise<void> {
    const columns = `"dim" smallint NOT NULL, "month" date NOT NULL, "place_id" integer NOT NULL, "value" integer NOT NULL, "hours_bucket" integer NOT NULL, "workdays" integer NOT NULL, "n" integer NOT NULL DEFAULT 0, "on_time" integer NOT NULL DEFAULT 0, "hours_sum" double precision NOT NULL DEFAULT 0`;
    await q.query(`CREATE TABLE "case_closure_rollups" (${columns}, PRIMARY KEY (${quoted(KEY)}))`);
    await q.query(`CREATE TABLE "case_closure_rollup_deltas" (${columns})`);
    const changed = READ.map((c) => `o."${c}" IS DISTINCT FROM n."${c}"`).join(' OR ');
    const moved = `(SELECT o.* FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE ${changed})`;
    const movedTo = `(SELECT n.* FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE ${changed})`;
    const bodies: [string, string, string][] = [
      ['insert', 'INSERT', appendDeltas(contributions('new_rows', 1))],
      ['update', 'UPDATE', appendDeltas(`${contributions(moved, -1)} UNION ALL ${contributions(movedTo, 1)}`)],
      ['delete', 'DELETE', appendDeltas(contributions('old_rows', -1))],
    ];
    for (const [name, event, body] of bodies) {
      await q.query(`CREATE FUNCTION "case_closure_rollups_${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body}; RETURN NULL; END $$`);
      const transition = event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER "case_closure_rollups_${name}" AFTER ${event} ON "cases" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION "case_closure_rollups_${name}"()`);
    }
    await q.query(`INSERT INTO "case_closure_rollups" (${quoted(COLUMNS)}) ${summed(contributions('"cases"', 1))}`);
    // Statistics for the filled table: without them a year by category was sorted on disk (16 rows estimated).
    await q.query(`ANALYZE "case_closure_rollups"`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER "case_closure_rollups_${t}" ON "cases"`);
      await q.query(`DROP FUNCTION "case_closure_rollups_${t}"()`);
    }
    for (const t of ['case_closure_rollup_deltas', 'case_closure_rollups']) await q.query(`DROP TABLE "${t}"`);
  }
}
