import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fillCaseSearch } from '../../../cases/case-search-backfill.js';

/**
 * The keyword index for Chinese text (cases/case-search.ts): an FTS5 table of character pairs, contentless
 * (the text stays in `cases`), rows deletable, positions kept so that a word is a phrase. Filled for the
 * cases already there.
 */
export class CaseSearch1795470000000 implements MigrationInterface {
  name = 'CaseSearch1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIRTUAL TABLE "case_search" USING fts5(body, content='', contentless_delete=1)`);
    await fillCaseSearch(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_search"`);
  }
}
