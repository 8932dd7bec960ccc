import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18's fair clocks: pauses, time in flight, appeals on the cases; communities that rule on their own
 * returns; and the report rollups' new sums (excused ratings, bounces, minutes in flight and paused), with
 * the statement triggers' functions of CaseRollups (1796660000000) rewritten to add them. Frozen as written.
 */
const COUNTS: [string, number][] = [
  ['valid', 1], ['valid_answered', 32769], ['responded_on_time', 2], ['closed', 4], ['closed_on_time', 8], ['followed_up', 16],
  ['resolved', 32], ['unresolved', 64], ['satisfied', 128], ['unsatisfied', 256], ['direct', 512], ['dispatched', 1024],
  ['returned', 2048], ['reopen_base', 4096], ['reopened', 8192], ['repeat', 16384],
];
const OLD_TALLIES = ['follow_ups', 'follow_ups_resolved', 'follow_ups_satisfied'];
const NEW_TALLIES = ['excused_follow_ups', 'excused_resolved', 'excused_satisfied', 'return_count', 'flight_minutes', 'paused_minutes'];
const quoted = (cs: string[]) => cs.map((c) => `"${c}"`).join(', ');
const KEYS = `(VALUES
  (0, COALESCE(r."grid_id", r."grid_unit_id"), COALESCE(r."grid_id", 0)),
  (5, COALESCE(r."grid_id", r."grid_unit_id"), COALESCE(r."community_id", 0)),
  (1, COALESCE(r."community_id", r."grid_unit_id"), COALESCE(r."department_id", 0)),
  (2, COALESCE(r."community_id", r."grid_unit_id"), r."category_id"),
  (3, COALESCE(r."community_id", r."grid_unit_id"), r."channel_id"),
  (4, COALESCE(r."community_id", r."grid_unit_id"), COALESCE(r."assignee_id", 0))) k(dim, place_id, value)`;
const DAY = `(("r"."received_at" AT TIME ZONE 'UTC') + make_interval(mins => s."shift_minutes"))::date`;

/** The three trigger functions' bodies over the given tallies (the triggers themselves stay as they are). */
function bodies(tallies: string[]): [string, string][] {
  const columns = ['n', ...COUNTS.map(([c]) => c), ...tallies];
  const read = ['received_at', 'grid_unit_id', 'grid_id', 'community_id', 'department_id', 'category_id', 'channel_id', 'assignee_id', 'measure_bits', ...tallies];
  const counts = (sign: number) => [`${sign}`, ...COUNTS.map(([, m]) => `${sign} * (CASE WHEN (r."measure_bits" & ${m}) = ${m} THEN 1 ELSE 0 END)`), ...tallies.map((t) => `${sign} * r."${t}"`)];
  const contributions = (source: string, sign: number) =>
    `SELECT ${DAY} AS day, k.dim, k.place_id, k.value, ${counts(sign)
      .map((e, i) => `${e} AS "${columns[i]}"`)
      .join(', ')} FROM ${source} r CROSS JOIN "report_rollup_clock" s CROSS JOIN LATERAL ${KEYS} WHERE s."id" = 1`;
  const summed = (from: string) =>
    `SELECT day, dim, place_id, value, ${columns.map((c) => `SUM("${c}")`).join(', ')} FROM (${from}) x GROUP BY day, dim, place_id, value HAVING ${columns.map((c) => `SUM("${c}") <> 0`).join(' OR ')}`;
  const appendDeltas = (from: string) => `INSERT INTO "case_rollup_deltas" (${quoted(['day', 'dim', 'place_id', 'value', ...columns])}) ${summed(from)}`;
  const changed = read.map((c) => `o."${c}" IS DISTINCT FROM n."${c}"`).join(' OR ');
  const moved = `(SELECT o.* FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE ${changed})`;
  const movedTo = `(SELECT n.* FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE ${changed})`;
  return [
    ['insert', appendDeltas(contributions('new_rows', 1))],
    ['update', appendDeltas(`${contributions(moved, -1)} UNION ALL ${contributions(movedTo, 1)}`)],
    ['delete', appendDeltas(contributions('old_rows', -1))],
  ];
}

async function rollupFunctions(q: QueryRunner, tallies: string[]) {
  for (const [name, body] of bodies(tallies)) {
    await q.query(`CREATE OR REPLACE FUNCTION "case_rollups_${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body}; RETURN NULL; END $$`);
  }
}

export class FairClocks1796840000000 implements MigrationInterface {
  name = 'FairClocks1796840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "cases" ADD "pause_state" character varying(10), ADD "paused_at" TIMESTAMP WITH TIME ZONE, ADD "resume_on" character varying(10), ` +
        `ADD "paused_minutes" integer NOT NULL DEFAULT '0', ADD "flight_since" TIMESTAMP WITH TIME ZONE, ADD "flight_minutes" integer NOT NULL DEFAULT '0', ` +
        `ADD "appeal_state" character varying(10), ADD "appeal_level" integer NOT NULL DEFAULT '0', ADD "appeal_due_at" TIMESTAMP WITH TIME ZONE, ` +
        `ADD "excused_follow_ups" integer NOT NULL DEFAULT '0', ADD "excused_resolved" integer NOT NULL DEFAULT '0', ADD "excused_satisfied" integer NOT NULL DEFAULT '0'`,
    );
    await q.query(`ALTER TABLE "grid_units" ADD "rules_returns" boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX "idx_cases_pause_state" ON "cases" ("pause_state", "received_at") WHERE "pause_state" IS NOT NULL`);
    await q.query(`CREATE INDEX "idx_cases_appeal_pending" ON "cases" ("appeal_state", "received_at") WHERE "appeal_state" = 'pending'`);
    await q.query(`CREATE INDEX "idx_cases_bounced" ON "cases" ("return_count", "received_at") WHERE "return_count" > 2 AND "status" IN ('received', 'dispatched', 'in_progress', 'returned', 'replied')`);
    for (const t of ['case_rollups', 'case_rollup_deltas']) await q.query(`ALTER TABLE "${t}" ${NEW_TALLIES.map((c) => `ADD "${c}" integer NOT NULL DEFAULT 0`).join(', ')}`);
    await rollupFunctions(q, [...OLD_TALLIES, ...NEW_TALLIES]);
    // The one new sum already non-zero: the returns cases have had (bounces), appended as deltas the app folds.
    await q.query(
      `INSERT INTO "case_rollup_deltas" ("day", "dim", "place_id", "value", "return_count") SELECT ${DAY} AS day, k.dim, k.place_id, k.value, SUM(r."return_count") ` +
        `FROM "cases" r CROSS JOIN "report_rollup_clock" s CROSS JOIN LATERAL ${KEYS} WHERE s."id" = 1 AND r."return_count" > 0 GROUP BY 1, 2, 3, 4`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await rollupFunctions(q, OLD_TALLIES);
    for (const i of ['idx_cases_pause_state', 'idx_cases_appeal_pending', 'idx_cases_bounced']) await q.query(`DROP INDEX "${i}"`);
    for (const t of ['case_rollups', 'case_rollup_deltas']) await q.query(`ALTER TABLE "${t}" ${NEW_TALLIES.map((c) => `DROP COLUMN "${c}"`).join(', ')}`);
    const cases = ['pause_state', 'paused_at', 'resume_on', 'paused_minutes', 'flight_since', 'flight_minutes', 'appeal_state', 'appeal_level', 'appeal_due_at', 'excused_follow_ups', 'excused_resolved', 'excused_satisfied'];
    await q.query(`ALTER TABLE "cases" ${cases.map((c) => `DROP COLUMN "${c}"`).join(', ')}`);
    await q.query(`ALTER TABLE "grid_units" DROP COLUMN "rules_returns"`);
  }
}
