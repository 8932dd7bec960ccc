import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18's fair clocks: pauses, time in flight, appeals on the cases; communities that rule on their own
 * returns; and the report rollups' new sums (excused ratings, bounces, minutes in flight and paused), with
 * the rollup triggers of CaseRollups (1796660000000) rewritten to add them. Frozen here as written.
 */
const COUNTS: [string, number][] = [
  ['valid', 1], ['valid_answered', 32769], ['responded_on_time', 2], ['closed', 4], ['closed_on_time', 8], ['followed_up', 16],
  ['resolved', 32], ['unresolved', 64], ['satisfied', 128], ['unsatisfied', 256], ['direct', 512], ['dispatched', 1024],
  ['returned', 2048], ['reopen_base', 4096], ['reopened', 8192], ['repeat', 16384],
];
const OLD_TALLIES = ['follow_ups', 'follow_ups_resolved', 'follow_ups_satisfied'];
const NEW_TALLIES = ['excused_follow_ups', 'excused_resolved', 'excused_satisfied', 'return_count', 'flight_minutes', 'paused_minutes'];
const TALLIES = [...OLD_TALLIES, ...NEW_TALLIES];
const KEY = ['dim', 'day', 'place_id', 'value'];
const KEYS = (r: string): [number, string, string][] => [
  [0, `COALESCE(${r}."grid_id", ${r}."grid_unit_id")`, `COALESCE(${r}."grid_id", 0)`],
  [5, `COALESCE(${r}."grid_id", ${r}."grid_unit_id")`, `COALESCE(${r}."community_id", 0)`],
  [1, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `COALESCE(${r}."department_id", 0)`],
  [2, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `${r}."category_id"`],
  [3, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `${r}."channel_id"`],
  [4, `COALESCE(${r}."community_id", ${r}."grid_unit_id")`, `COALESCE(${r}."assignee_id", 0)`],
];
const keys = (r: string) => KEYS(r).map(([dim, place, value]) => `SELECT ${dim} AS dim, ${place} AS place_id, ${value} AS value`).join(' UNION ALL ');
const DAY = (r: string) => `date(${r}."received_at", (SELECT "shift_minutes" || ' minutes' FROM "report_rollup_clock" WHERE "id" = 1))`;
const counts = (r: string, sign: string, tallies: string[]) => [`${sign}1`, ...COUNTS.map(([, m]) => `${sign}(CASE WHEN (${r}."measure_bits" & ${m}) = ${m} THEN 1 ELSE 0 END)`), ...tallies.map((t) => `${sign}${r}."${t}"`)];
const quoted = (cs: string[]) => cs.map((c) => `"${c}"`).join(', ');
const upsert = (r: string, sign: string, tallies: string[]) => {
  const columns = ['n', ...COUNTS.map(([c]) => c), ...tallies];
  return (
    `INSERT INTO "case_rollups" (${quoted(['day', 'dim', 'place_id', 'value', ...columns])}) SELECT ${DAY(r)}, k.dim, k.place_id, k.value, ${counts(r, sign, tallies).join(', ')} FROM (${keys(r)}) k WHERE true ` +
    `ON CONFLICT (${quoted(KEY)}) DO UPDATE SET ${columns.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(', ')};`
  );
};

async function rollupTriggers(q: QueryRunner, tallies: string[]) {
  const read = ['received_at', 'grid_unit_id', 'grid_id', 'community_id', 'department_id', 'category_id', 'channel_id', 'assignee_id', 'measure_bits', ...tallies];
  for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER IF EXISTS "case_rollups_${t}"`);
  await q.query(`CREATE TRIGGER "case_rollups_insert" AFTER INSERT ON "cases" BEGIN ${upsert('NEW', '+', tallies)} END`);
  const changed = read.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(' OR ');
  await q.query(`CREATE TRIGGER "case_rollups_update" AFTER UPDATE OF ${quoted(read)} ON "cases" WHEN ${changed} BEGIN ${upsert('OLD', '-', tallies)} ${upsert('NEW', '+', tallies)} END`);
  await q.query(`CREATE TRIGGER "case_rollups_delete" AFTER DELETE ON "cases" BEGIN ${upsert('OLD', '-', tallies)} END`);
}

export class FairClocks1796840000000 implements MigrationInterface {
  name = 'FairClocks1796840000000';

  async up(q: QueryRunner): Promise<void> {
    const add = (table: string, column: string) => q.query(`ALTER TABLE "${table}" ADD COLUMN ${column}`);
    for (const c of ['"pause_state" varchar(10)', '"paused_at" datetime', '"resume_on" varchar(10)', '"paused_minutes" integer NOT NULL DEFAULT (0)', '"flight_since" datetime',
      '"flight_minutes" integer NOT NULL DEFAULT (0)', '"appeal_state" varchar(10)', '"appeal_level" integer NOT NULL DEFAULT (0)', '"appeal_due_at" datetime',
      '"excused_follow_ups" integer NOT NULL DEFAULT (0)', '"excused_resolved" integer NOT NULL DEFAULT (0)', '"excused_satisfied" integer NOT NULL DEFAULT (0)']) {
      await add('cases', c);
    }
    await add('grid_units', '"rules_returns" boolean NOT NULL DEFAULT (0)');
    await q.query(`CREATE INDEX "idx_cases_pause_state" ON "cases" ("pause_state", "received_at") WHERE "pause_state" IS NOT NULL`);
    await q.query(`CREATE INDEX "idx_cases_appeal_pending" ON "cases" ("appeal_state", "received_at") WHERE "appeal_state" = 'pending'`);
    await q.query(`CREATE INDEX "idx_cases_bounced" ON "cases" ("return_count", "received_at") WHERE "return_count" > 2 AND "status" IN ('received', 'dispatched', 'in_progress', 'returned', 'replied')`);
    for (const t of ['case_rollups', 'case_rollup_deltas']) for (const c of NEW_TALLIES) await add(t, `"${c}" integer NOT NULL DEFAULT 0`);
    await rollupTriggers(q, TALLIES);
    // The one new sum already non-zero: the returns cases have had (bounces), added to each grouping's rows.
    for (const [dim, place, value] of KEYS('c')) {
      await q.query(
        `INSERT INTO "case_rollups" (${quoted(['day', 'dim', 'place_id', 'value', 'return_count'])}) SELECT ${DAY('c')} AS d, ${dim}, ${place} AS p, ${value} AS v, SUM(c."return_count") FROM "cases" c WHERE c."return_count" > 0 GROUP BY d, p, v ` +
          `ON CONFLICT (${quoted(KEY)}) DO UPDATE SET "return_count" = "return_count" + excluded."return_count"`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await rollupTriggers(q, OLD_TALLIES);
    for (const i of ['idx_cases_pause_state', 'idx_cases_appeal_pending', 'idx_cases_bounced']) await q.query(`DROP INDEX "${i}"`);
    for (const t of ['case_rollups', 'case_rollup_deltas']) for (const c of NEW_TALLIES) await q.query(`ALTER TABLE "${t}" DROP COLUMN "${c}"`);
    for (const c of ['pause_state', 'paused_at', 'resume_on', 'paused_minutes', 'flight_since', 'flight_minutes', 'appeal_state', 'appeal_level', 'appeal_due_at', 'excused_follow_ups', 'excused_resolved', 'excused_satisfied']) {
      await q.query(`ALTER TABLE "cases" DROP COLUMN "${c}"`);
    }
    await q.query(`ALTER TABLE "grid_units" DROP COLUMN "rules_returns"`);
  }
}
