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
const quoted = (cs: string[]) => cs.map((c) => `"${c}"`).join(', ');

/** The same groupings and places as the CaseRollups migration's. */
const KEYS = (r: string): [number, string, string][] => [
  [0, `COALESCE(${r}."grid_id", ${r}."grid_unit_id")`, `COALESCE(${r}."grid_id", 0)`],
  [5, `COALESCE(${r}."grid_id", ${r}."grid_unit_id")`, `COALESCE(${r}."community_id", 0)`],
  [1, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `COALESCE(${r}."department_id", 0)`],
  [2, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `${r}."category_id"`],
  [3, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `${r}."channel_id"`],
  [4, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `COALESCE(${r}."assignee_id", 0)`],
];
const keys = (r: string) => KEYS(r).map(([dim, place, value]) => `SELECT ${dim} AS dim, ${place} AS place_id, ${value} AS value`).join(' UNION ALL ');

const MONTH = (r: string) => `strftime('%Y-%m-01', ${r}."received_at", (SELECT "shift_minutes" || ' minutes' FROM "report_rollup_clock" WHERE "id" = 1))`;
const HOURS_BUCKET = (r: string) => `(CASE WHEN ${r}."close_hours" <= 0 THEN -32768 ELSE CAST(ceil(ln(${r}."close_hours") / ln(1.05)) AS integer) END)`;
const COUNTED = (r: string) => `(${r}."measure_bits" & 4) = 4 AND ${r}."close_hours" IS NOT NULL`;
const upsert = (r: string, sign: string) =>
  `INSERT INTO "case_closure_rollups" (${quoted([...KEY, 'n', 'on_time', 'hours_sum'])}) SELECT k.dim, ${MONTH(r)}, k.place_id, k.value, ${HOURS_BUCKET(r)}, COALESCE(${r}."close_workdays", -1), ${sign}1, ${sign}(CASE WHEN (${r}."measure_bits" & 8) = 8 THEN 1 ELSE 0 END), ${sign}${r}."close_hours" FROM (${keys(r)}) k WHERE ${COUNTED(r)} ` +
  `ON CONFLICT (${quoted(KEY)}) DO UPDATE SET "n" = "n" + excluded."n", "on_time" = "on_time" + excluded."on_time", "hours_sum" = "hours_sum" + excluded."hours_sum";`;

/**
 * `case_closure_rollups`, kept by triggers on every write of a case like `case_rollups`.
 * `case_closure_rollup_deltas` has the same columns for engines whose writers append (PostgreSQL); empty here.
 */
export class ClosureRollups1796670000000 implements MigrationInterface {
  name = 'ClosureRollups1796670000000';

  async up(q: QueryRunner): Promise<void> {
    const columns = `"dim" integer NOT NULL, "month" varchar NOT NULL, "place_id" integer NOT NULL, "value" integer NOT NULL, "hours_bucket" integer NOT NULL, "workdays" integer NOT NULL, "n" integer NOT NULL DEFAULT 0, "on_time" integer NOT NULL DEFAULT 0, "hours_sum" double precision NOT NULL DEFAULT 0`;
    await q.query(`CREATE TABLE "case_closure_rollups" (${columns}, PRIMARY KEY (${quoted(KEY)})) WITHOUT ROWID`);
    await q.query(`CREATE TABLE "case_closure_rollup_deltas" (${columns})`);
    await q.query(`CREATE TRIGGER "case_closure_rollups_insert" AFTER INSERT ON "cases" WHEN ${COUNTED('NEW')} BEGIN ${upsert('NEW', '+')} END`);
    const changed = READ.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(' OR ');
    await q.query(`CREATE TRIGGER "case_closure_rollups_update" AFTER UPDATE OF ${quoted(READ)} ON "cases" WHEN ${changed} BEGIN ${upsert('OLD', '-')} ${upsert('NEW', '+')} END`);
    await q.query(`CREATE TRIGGER "case_closure_rollups_delete" AFTER DELETE ON "cases" WHEN ${COUNTED('OLD')} BEGIN ${upsert('OLD', '-')} END`);
    for (const [dim, place, value] of KEYS('c')) {
      await q.query(
        `INSERT INTO "case_closure_rollups" (${quoted([...KEY, 'n', 'on_time', 'hours_sum'])}) SELECT ${dim}, ${MONTH('c')} AS m, ${place} AS p, ${value} AS v, ${HOURS_BUCKET('c')} AS b, COALESCE(c."close_workdays", -1) AS w, COUNT(*), SUM(CASE WHEN (c."measure_bits" & 8) = 8 THEN 1 ELSE 0 END), SUM(c."close_hours") FROM "cases" c WHERE ${COUNTED('c')} GROUP BY m, p, v, b, w`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "case_closure_rollups_${t}"`);
    for (const t of ['case_closure_rollup_deltas', 'case_closure_rollups']) await q.query(`DROP TABLE "${t}"`);
  }
}
