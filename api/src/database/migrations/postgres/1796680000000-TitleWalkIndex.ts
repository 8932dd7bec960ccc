import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case table sorted by title, for a scope holding a large share of the cases (issue 16, item 2): the list
 * walks the title index and checks each entry's subtree (cases.service.ts `walksSortIndex`). Titles begin with
 * the compound's name, so a grid worker's first page by title lies thousands of entries in; with the path in
 * the index those are checked in it (an index-only scan), not each in its row; with the id, in the list's whole
 * order. It replaces the index without them.
 */
export class TitleWalkIndex1796680000000 implements MigrationInterface {
  name = 'TitleWalkIndex1796680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_cases_title_received_unit" ON "cases" ("title", "received_at", "id") INCLUDE ("unit_path")`);
    await q.query(`DROP INDEX "idx_cases_title_received"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_cases_title_received" ON "cases" ("title", "received_at") `);
    await q.query(`DROP INDEX "idx_cases_title_received_unit"`);
  }
}
