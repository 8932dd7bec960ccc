import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keyword index for Chinese text (cases/case-search.ts): each case's character pairs as an array
 * under a GIN index. (Replaced by a tsvector per case, filled by the application: CaseSearchPhrases.)
 */
export class CaseSearch1795470000000 implements MigrationInterface {
  name = 'CaseSearch1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "case_search" ("case_id" integer PRIMARY KEY REFERENCES "cases" ("id") ON DELETE CASCADE, "tokens" text[] NOT NULL)`);
    await q.query(`CREATE INDEX "idx_case_search_tokens" ON "case_search" USING gin ("tokens")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_search"`);
  }
}
