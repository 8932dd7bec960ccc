import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_search_pending`: the cases intake has written whose keyword entry is still to be written
 * (cases/search-backlog.ts), in intake's own transaction, so that none is lost if the process stops first.
 * (Already there when the keyword index was created with cases to index.)
 */
export class CaseSearchPending1796100000000 implements MigrationInterface {
  name = 'CaseSearchPending1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS "case_search_pending" ("case_id" integer PRIMARY KEY NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_search_pending"`);
  }
}
