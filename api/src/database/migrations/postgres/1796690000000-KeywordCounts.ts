import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyword counts (issue 16, item 3), frozen here as written. A two-character word is one lexeme of
 * `case_search.doc`, and counting its cases over the GIN index visits a heap row per match (PostgreSQL 15
 * fetches every row of a bitmap scan: 0.4-2 s for 电梯 at a million cases). So each entry also records the
 * case's own unit (`unit_id`, the last of its path; 0 for none), and `case_search_counts` holds, per
 * two-character lexeme and unit, how many entries have it: a subtree's count is the sum over its units,
 * read from the primary key. Statement triggers on `case_search` apply each statement's changes, summed,
 * in the writer's transaction (the index's flush; intake never writes here), so the counts are exactly the
 * entries'. A unit moved keeps its rows: the subtree is read through the units' current paths. The key
 * includes the count, and the rows are written in key order, so a word's rows are read from the index.
 */
const LEAF_UNIT = `COALESCE((regexp_match(c."unit_path", '(\\d+)/$'))[1]::integer, 0)`;

/** One source's (lexeme, unit, ±1) rows. */
const signed = (source: string, sign: number) =>
  `SELECT l.lexeme AS token, r."unit_id", ${sign} AS d FROM ${source} r CROSS JOIN LATERAL unnest(r."doc") l WHERE char_length(l.lexeme) = 2`;

/** Applies the summed changes, in key order (two flushes meeting on a row wait, never deadlock). */
const apply = (from: string) =>
  `INSERT INTO "case_search_counts" AS k ("token", "unit_id", "n")
   SELECT token, "unit_id", SUM(d)::integer FROM (${from}) x GROUP BY 1, 2 HAVING SUM(d) <> 0 ORDER BY 1, 2
   ON CONFLICT ("token", "unit_id") DO UPDATE SET "n" = k."n" + excluded."n"`;

export class KeywordCounts1796690000000 implements MigrationInterface {
  name = 'KeywordCounts1796690000000';

  async up(q: QueryRunner): Promise<void> {
    // Written anew rather than updated in place: an UPDATE of every entry inserts each one's lexemes into the
    // GIN index again (minutes at a million), where a new table's index is built sorted, at once.
    await q.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await q.query(`CREATE TABLE "case_search_rebuilt" AS SELECT s."case_id", s."doc", ${LEAF_UNIT} AS "unit_id" FROM "case_search" s LEFT JOIN "cases" c ON c."id" = s."case_id"`);
    await q.query(`DROP TABLE "case_search"`);
    await q.query(`ALTER TABLE "case_search_rebuilt" RENAME TO "case_search"`);
    await q.query(`ALTER TABLE "case_search" ALTER COLUMN "doc" SET NOT NULL, ALTER COLUMN "unit_id" SET NOT NULL, ALTER COLUMN "unit_id" SET DEFAULT 0`);
    await q.query(`ALTER TABLE "case_search" ADD CONSTRAINT "case_search_pkey" PRIMARY KEY ("case_id")`);
    await q.query(`ALTER TABLE "case_search" ADD CONSTRAINT "case_search_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE`);
    await q.query(`CREATE INDEX "idx_case_search_doc" ON "case_search" USING gin ("doc")`);
    await q.query(`CREATE TABLE "case_search_counts" ("token" text NOT NULL, "unit_id" integer NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("token", "unit_id") INCLUDE ("n"))`);
    await q.query(`INSERT INTO "case_search_counts" ("token", "unit_id", "n") SELECT token, "unit_id", COUNT(*) FROM (${signed('"case_search"', 1)}) x GROUP BY 1, 2 ORDER BY 1, 2`);
    await q.query(`CREATE FUNCTION "case_search_count"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(signed('new_rows', 1))};
        ELSIF TG_OP = 'DELETE' THEN
          ${apply(signed('old_rows', -1))};
        ELSE
          ${apply(`${signed('new_rows', 1)} UNION ALL ${signed('old_rows', -1)}`)};
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "case_search_count_insert" AFTER INSERT ON "case_search" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_search_count"()`);
    await q.query(`CREATE TRIGGER "case_search_count_update" AFTER UPDATE ON "case_search" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_search_count"()`);
    await q.query(`CREATE TRIGGER "case_search_count_delete" AFTER DELETE ON "case_search" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_search_count"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "case_search_count_${op}" ON "case_search"`);
    await q.query(`DROP FUNCTION "case_search_count"()`);
    await q.query(`DROP TABLE "case_search_counts"`);
    await q.query(`ALTER TABLE "case_search" DROP COLUMN "unit_id"`);
  }
}
