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
/** The columns a rollup row's key and counts read: an update that changes none of them changes no rollup. */
const READ = ['received_at', 'grid_unit_id', 'grid_id', 'community_id', 'department_id', 'category_id', 'channel_id', 'assignee_id', 'measure_bits', ...TALLIES];
const quoted = (cs: string[]) => cs.map((c) => `"${c}"`).join(', ');

/**
 * The rows a case counts in: by grid (0) and by community (5), placed at its grid (or its own unit above
 * grids), so a subtree down to a grid is exact; by unit (1), category (2), channel (3) and handler (4),
 * placed at its community (or its own unit above communities). `value` is the group's id, 0 for none.
 */
const KEYS = `(VALUES
  (0, COALESCE(r."grid_id", r."grid_unit_id"), COALESCE(r."grid_id", 0)),
  (5, COALESCE(r."grid_id", r."grid_unit_id"), COALESCE(r."community_id", 0)),
  (1, COALESCE(r."community_id", r."grid_unit_id"), COALESCE(r."department_id", 0)),
  (2, COALESCE(r."community_id", r."grid_unit_id"), r."category_id"),
  (3, COALESCE(r."community_id", r."grid_unit_id"), r."channel_id"),
  (4, COALESCE(r."community_id", r."grid_unit_id"), COALESCE(r."assignee_id", 0))) k(dim, place_id, value)`;
/** The local day of receipt at the clock's fixed offset (the app keeps it the configured zone's). */
const DAY = `(("r"."received_at" AT TIME ZONE 'UTC') + make_interval(mins => s."shift_minutes"))::date`;
const counts = (sign: number) => [`${sign}`, ...COUNTS.map(([, m]) => `${sign} * (CASE WHEN (r."measure_bits" & ${m}) = ${m} THEN 1 ELSE 0 END)`), ...TALLIES.map((t) => `${sign} * r."${t}"`)];
/** A source's rows' contributions with a sign, as (day, key, counts…). */
const contributions = (source: string, sign: number) =>
  `SELECT ${DAY} AS day, k.dim, k.place_id, k.value, ${counts(sign)
    .map((e, i) => `${e} AS "${COLUMNS[i]}"`)
    .join(', ')} FROM ${source} r CROSS JOIN "report_rollup_clock" s CROSS JOIN LATERAL ${KEYS} WHERE s."id" = 1`;
/** Summed per key; keys whose changes cancel out are left out. */
const summed = (from: string) =>
  `SELECT day, dim, place_id, value, ${COLUMNS.map((c) => `SUM("${c}")`).join(', ')} FROM (${from}) x GROUP BY day, dim, place_id, value HAVING ${COLUMNS.map((c) => `SUM("${c}") <> 0`).join(' OR ')}`;
const appendDeltas = (from: string) => `INSERT INTO "case_rollup_deltas" (${quoted(['day', 'dim', 'place_id', 'value', ...COLUMNS])}) ${summed(from)}`;

/**
 * `case_rollups`: per local day and place, each report grouping's counts. Writers never touch a rollup row:
 * statement triggers append each statement's changes, summed, to `case_rollup_deltas` (no row that every
 * intake locks, as with the tallies' stripes), which the application folds into `case_rollups` every few
 * seconds; reports read both.
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
    await q.query(`CREATE TABLE "case_rollups" ("day" date NOT NULL, "dim" smallint NOT NULL, "place_id" integer NOT NULL, "value" integer NOT NULL, ${columns}, PRIMARY KEY (${quoted(KEY)}))`);
    await q.query(`CREATE TABLE "case_rollup_deltas" ("day" date NOT NULL, "dim" smallint NOT NULL, "place_id" integer NOT NULL, "value" integer NOT NULL, ${columns})`);
    const changed = READ.map((c) => `o."${c}" IS DISTINCT FROM n."${c}"`).join(' OR ');
    const moved = `(SELECT o.* FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE ${changed})`;
    const movedTo = `(SELECT n.* FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE ${changed})`;
    const bodies: [string, string, string][] = [
      ['insert', 'INSERT', `${appendDeltas(contributions('new_rows', 1))}`],
      ['update', 'UPDATE', `${appendDeltas(`${contributions(moved, -1)} UNION ALL ${contributions(movedTo, 1)}`)}`],
      ['delete', 'DELETE', `${appendDeltas(contributions('old_rows', -1))}`],
    ];
    for (const [name, event, body] of bodies) {
      await q.query(`CREATE FUNCTION "case_rollups_${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body}; RETURN NULL; END $$`);
      const transition = event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER "case_rollups_${name}" AFTER ${event} ON "cases" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION "case_rollups_${name}"()`);
    }
    await q.query(`INSERT INTO "case_rollups" (${quoted(['day', 'dim', 'place_id', 'value', ...COLUMNS])}) ${summed(contributions('"cases"', 1))}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_cases_unanswered"`);
    for (const t of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER "case_rollups_${t}" ON "cases"`);
      await q.query(`DROP FUNCTION "case_rollups_${t}"()`);
    }
    for (const t of ['case_rollup_deltas', 'case_rollups', 'report_rollup_clock']) await q.query(`DROP TABLE "${t}"`);
  }
}
