import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keyword index as SQLite has it (search/postgres-keyword-index.ts): each case's tokens with their
 * positions, as a `tsvector` under a GIN index, so that a word is found as a phrase and counted from the
 * index, where the array of distinct pairs needed every match confirmed by LIKE on the case. Every case is
 * queued in `case_search_pending` (intake and edits queue theirs from now on) and written by the
 * application's flush at its next start.
 */
export class CaseSearchPhrases1796630000000 implements MigrationInterface {
  name = 'CaseSearchPhrases1796630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_search"`);
    await q.query(`CREATE TABLE "case_search" ("case_id" integer PRIMARY KEY REFERENCES "cases" ("id") ON DELETE CASCADE, "doc" tsvector NOT NULL)`);
    await q.query(`CREATE INDEX "idx_case_search_doc" ON "case_search" USING gin ("doc")`);
    await q.query(`CREATE TABLE "case_search_pending" ("case_id" integer PRIMARY KEY NOT NULL)`);
    await q.query(`INSERT INTO "case_search_pending" ("case_id") SELECT "id" FROM "cases"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_search_pending"`);
    await q.query(`DROP TABLE "case_search"`);
    await q.query(`CREATE TABLE "case_search" ("case_id" integer PRIMARY KEY REFERENCES "cases" ("id") ON DELETE CASCADE, "tokens" text[] NOT NULL)`);
    await q.query(`CREATE INDEX "idx_case_search_tokens" ON "case_search" USING gin ("tokens")`);
  }
}
