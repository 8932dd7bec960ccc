import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyword entries hold each text's three- and four-character substrings too (issue 16, item 3), frozen
 * here as written. A word of three or four characters was the phrase of its pairs, and PostgreSQL
 * confirmed the pairs' positions in every candidate's tsvector, for the page and for the count (污水外溢:
 * 54,289 entries read, 0.7 s at a million cases). As one lexeme it needs no positions: its cases come
 * from the GIN index without a recheck and its count from `case_search_counts`, like a two-character
 * word's. So the new lexemes carry no position (a tsvector mixes both kinds; a longer word stays the
 * phrase of its pairs, which only the pairs' positions answer).
 *
 * They are derived from the pairs already there: two pairs at consecutive positions lie in one run of
 * letters (a run ends on its last character alone), so pairs at p, p+1 make the three-character word at
 * p, and with a pair at p+2 the four-character one. The table is written anew, as KeywordCounts did (an
 * UPDATE of every entry inserts each one's lexemes into the GIN index one by one, where a new table's
 * index is built sorted, at once), and only the new lexemes' counts are added: the pairs' are unchanged.
 */

/** The entries of `case_search` matching `where` (on `s`), each `doc` with its three- and four-character words. */
export const ENTRIES_WITH_WORDS = (where: string) => `
  SELECT s."case_id", CASE WHEN w.words IS NULL THEN s."doc" ELSE s."doc" || array_to_tsvector(w.words) END AS "doc", s."unit_id"
  FROM "case_search" s LEFT JOIN (
    SELECT p."case_id",
      array_agg(p.lexeme || substr(p.l1, 2)) FILTER (WHERE p.p1 = p.pos + 1)
      || array_agg(p.lexeme || substr(p.l1, 2) || substr(p.l2, 2)) FILTER (WHERE p.p1 = p.pos + 1 AND p.p2 = p.pos + 2) AS words
    FROM (
      SELECT s."case_id", l.lexeme, pos, lead(l.lexeme) OVER w AS l1, lead(pos) OVER w AS p1, lead(l.lexeme, 2) OVER w AS l2, lead(pos, 2) OVER w AS p2
      FROM "case_search" s CROSS JOIN LATERAL unnest(s."doc") l CROSS JOIN LATERAL unnest(l.positions) pos
      WHERE char_length(l.lexeme) = 2 AND ${where}
      WINDOW w AS (PARTITION BY s."case_id" ORDER BY pos)
    ) p GROUP BY p."case_id"
  ) w ON w."case_id" = s."case_id"
  WHERE ${where}`;

/** The counted lexemes: every word of two to four characters (unit tokens, `unit<id>`, are longer). */
const counted = (lengths: string, source: string, sign: number) =>
  `SELECT l.lexeme AS token, r."unit_id", ${sign} AS d FROM ${source} r CROSS JOIN LATERAL unnest(r."doc") l WHERE char_length(l.lexeme) ${lengths}`;

/** KeywordCounts' trigger function, counting these lengths. */
const countFunction = (lengths: string) => {
  const apply = (from: string) =>
    `INSERT INTO "case_search_counts" AS k ("token", "unit_id", "n")
     SELECT token, "unit_id", SUM(d)::integer FROM (${from}) x GROUP BY 1, 2 HAVING SUM(d) <> 0 ORDER BY 1, 2
     ON CONFLICT ("token", "unit_id") DO UPDATE SET "n" = k."n" + excluded."n"`;
  return `CREATE OR REPLACE FUNCTION "case_search_count"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${apply(counted(lengths, 'new_rows', 1))};
      ELSIF TG_OP = 'DELETE' THEN
        ${apply(counted(lengths, 'old_rows', -1))};
      ELSE
        ${apply(`${counted(lengths, 'new_rows', 1)} UNION ALL ${counted(lengths, 'old_rows', -1)}`)};
      END IF;
      RETURN NULL;
    END $$`;
};

export class KeywordGrams1796710000000 implements MigrationInterface {
  name = 'KeywordGrams1796710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await q.query(`SET LOCAL work_mem = '256MB'`);
    await q.query(`CREATE TABLE "case_search_rebuilt" AS ${ENTRIES_WITH_WORDS('TRUE')}`);
    await q.query(`DROP TABLE "case_search"`);
    await q.query(`ALTER TABLE "case_search_rebuilt" RENAME TO "case_search"`);
    await q.query(`ALTER TABLE "case_search" ALTER COLUMN "doc" SET NOT NULL, ALTER COLUMN "unit_id" SET NOT NULL, ALTER COLUMN "unit_id" SET DEFAULT 0`);
    await q.query(`ALTER TABLE "case_search" ADD CONSTRAINT "case_search_pkey" PRIMARY KEY ("case_id")`);
    await q.query(`ALTER TABLE "case_search" ADD CONSTRAINT "case_search_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE`);
    await q.query(`CREATE INDEX "idx_case_search_doc" ON "case_search" USING gin ("doc")`);
    await q.query(
      `INSERT INTO "case_search_counts" ("token", "unit_id", "n") SELECT token, "unit_id", COUNT(*) FROM (${counted('BETWEEN 3 AND 4', '"case_search"', 1)}) x GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    await q.query(countFunction('BETWEEN 2 AND 4'));
    for (const [op, tables] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']]) {
      await q.query(`CREATE TRIGGER "case_search_count_${op.toLowerCase()}" AFTER ${op} ON "case_search" REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION "case_search_count"()`);
    }
    await q.query(`ANALYZE "case_search", "case_search_counts"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(countFunction('= 2'));
    await q.query(`UPDATE "case_search" SET "doc" = ts_delete("doc", ARRAY(SELECT l.lexeme FROM unnest("doc") l WHERE char_length(l.lexeme) BETWEEN 3 AND 4))`);
    await q.query(`DELETE FROM "case_search_counts" WHERE char_length("token") BETWEEN 3 AND 4`);
  }
}
