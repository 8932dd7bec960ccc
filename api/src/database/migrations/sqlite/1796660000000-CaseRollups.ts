import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report rollups (issue 16, item 4), frozen here as written. The measures' bits are those of MeasureBits
 * (1795980220218): each count is the cases whose `measure_bits` hold all of a mask's bits.
 */
const COUNTS: [string, number][] = [
  ['valid', 1],
  ['valid_answered', 32769],
  ['responded_on_time', 2],
  ['closed', 4],
  ['closed_on_time', 8],
  ['followed_up', 16],
  ['resolved', 32],
  ['unresolved', 64],
  ['satisfied', 128],
  ['unsatisfied', 256],
  ['direct', 512],
  ['dispatched', 1024],
  ['returned', 2048],
  ['reopen_base', 4096],
  ['reopened', 8192],
  ['repeat', 16384],
];
const TALLIES = ['follow_ups', 'follow_ups_resolved', 'follow_ups_satisfied'];
const COLUMNS = ['n', ...COUNTS.map(([c]) => c), ...TALLIES];
const KEY = ['dim', 'day', 'place_id', 'value'];
/** The columns a rollup row's key and counts read: an update of any other column changes no rollup. */
const READ = ['received_at', 'grid_unit_id', 'grid_id', 'community_id', 'department_id', 'category_id', 'channel_id', 'assignee_id', 'measure_bits', ...TALLIES];

/**
 * The rows a case counts in: by grid (0) and by community (5), placed at its grid (or its own unit above
 * grids), so a subtree down to a grid is exact; by unit (1), category (2), channel (3) and handler (4),
 * placed at its community (or its own unit above communities). `value` is the group's id, 0 for none.
 */
const KEYS = (r: string): [number, string, string][] => [
  [0, `COALESCE(${r}."grid_id", ${r}."grid_unit_id")`, `COALESCE(${r}."grid_id", 0)`],
  [5, `COALESCE(${r}."grid_id", ${r}."grid_unit_id")`, `COALESCE(${r}."community_id", 0)`],
  [1, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `COALESCE(${r}."department_id", 0)`],
  [2, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `${r}."category_id"`],
  [3, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `${r}."channel_id"`],
  [4, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `COALESCE(${r}."assignee_id", 0)`],
];
const keys = (r: string) => KEYS(r).map(([dim, place, value]) => `SELECT ${dim} AS dim, ${place} AS place_id, ${value} AS value`).join(' UNION ALL ');

/** The local day of receipt, at the fixed offset `report_rollup_clock` holds (the app keeps it the configured zone's). */
const DAY = (r: string) => `date(${r}."received_at", (SELECT "shift_minutes" || ' minutes' FROM "report_rollup_clock" WHERE "id" = 1))`;
const counts = (r: string, sign: string) => [`${sign}1`, ...COUNTS.map(([, m]) => `${sign}(CASE WHEN (${r}."measure_bits" & ${m}) = ${m} THEN 1 ELSE 0 END)`), ...TALLIES.map((t) => `${sign}${r}."${t}"`)];
const quoted = (cs: string[]) => cs.map((c) => `"${c}"`).join(', ');
const upsert = (r: string, sign: string) =>
  `INSERT INTO "case_rollups" (${quoted(['day', 'dim', 'place_id', 'value', ...COLUMNS])}) SELECT ${DAY(r)}, k.dim, k.place_id, k.value, ${counts(r, sign).join(', ')} FROM (${keys(r)}) k WHERE true ` +
  `ON CONFLICT (${quoted(KEY)}) DO UPDATE SET ${COLUMNS.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(', ')};`;

/**
 * `case_rollups`: per local day and place, each report grouping's counts, kept by triggers on every write of
 * a case, whoever writes (SQLite has one writer: the triggers add to the row itself). `case_rollup_deltas`
 * has the same columns, for engines whose writers append instead (PostgreSQL); here it stays empty.
 */
export class CaseRollups1796660000000 implements MigrationInterface {
  name = 'CaseRollups1796660000000';

  async up(q: QueryRunner): Promise<void> {
    const columns = COLUMNS.map((c) => `"${c}" integer NOT NULL DEFAULT 0`).join(', ');
    // The valid cases not yet answered, whose response may fall due by the time a report is made: the part
    // of 'response due' no rollup can hold, read from the cases (a few thousand at most).
    await q.query(`CREATE INDEX "idx_cases_unanswered" ON "cases" ("received_at", "unit_path", "response_due_at") WHERE ("measure_bits" & 32769) = 1`);
    await q.query(`CREATE TABLE "report_rollup_clock" ("id" integer PRIMARY KEY, "shift_minutes" integer NOT NULL)`);
    await q.query(`INSERT INTO "report_rollup_clock" ("id", "shift_minutes") VALUES (1, 480)`);
    await q.query(`CREATE TABLE "case_rollups" ("day" varchar NOT NULL, "dim" integer NOT NULL, "place_id" integer NOT NULL, "value" integer NOT NULL, ${columns}, PRIMARY KEY (${quoted(KEY)})) WITHOUT ROWID`);
    await q.query(`CREATE TABLE "case_rollup_deltas" ("day" varchar NOT NULL, "dim" integer NOT NULL, "place_id" integer NOT NULL, "value" integer NOT NULL, ${columns})`);
    await q.query(`CREATE TRIGGER "case_rollups_insert" AFTER INSERT ON "cases" BEGIN ${upsert('NEW', '+')} END`);
    const changed = READ.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(' OR ');
    await q.query(`CREATE TRIGGER "case_rollups_update" AFTER UPDATE OF ${quoted(READ)} ON "cases" WHEN ${changed} BEGIN ${upsert('OLD', '-')} ${upsert('NEW', '+')} END`);
    await q.query(`CREATE TRIGGER "case_rollups_delete" AFTER DELETE ON "cases" BEGIN ${upsert('OLD', '-')} END`);
    // The cases already there, one grouping at a time (SQLite has no lateral join).
    const sums = counts('c', '+').map((e) => `SUM(${e})`).join(', ');
    for (const [dim, place, value] of KEYS('c')) {
      await q.query(`INSERT INTO "case_rollups" (${quoted(['day', 'dim', 'place_id', 'value', ...COLUMNS])}) SELECT ${DAY('c')} AS d, ${dim}, ${place} AS p, ${value} AS v, ${sums} FROM "cases" c GROUP BY d, p, v`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_cases_unanswered"`);
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "case_rollups_${t}"`);
    for (const t of ['case_rollup_deltas', 'case_rollups', 'report_rollup_clock']) await q.query(`DROP TABLE "${t}"`);
  }
}
