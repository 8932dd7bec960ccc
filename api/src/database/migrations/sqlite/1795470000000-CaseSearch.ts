import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keyword index for Chinese text (cases/case-search.ts): an FTS5 table of character pairs, contentless
 * (the text stays in `cases`), rows deletable, positions kept so that a word is a phrase. The cases already
 * there are queued (`case_search_pending`, which a later migration made permanent) and written by the
 * application's next flush: a migration holds its own SQL and never runs application code.
 */
export class CaseSearch1795470000000 implements MigrationInterface {
  name = 'CaseSearch1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIRTUAL TABLE "case_search" USING fts5(body, content='', contentless_delete=1)`);
    await q.query(`CREATE TABLE IF NOT EXISTS "case_search_pending" ("case_id" integer PRIMARY KEY NOT NULL)`);
    await q.query(`INSERT INTO "case_search_pending" ("case_id") SELECT "id" FROM "cases"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_search"`);
  }
}
