import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `WHERE "status" IN ('received', 'dispatched', 'in_progress', 'returned', 'replied')`;
/** What 我的待办's tabs and the user's scope filter on, so that a tab is filtered in the index alone. */
const FILTERED = `INCLUDE ("status", "overdue", "department_id", "unit_path", "supervise_level")`;
/** The open cases in the order of each sortable column of the case list (ties by receipt, then id, as the list breaks them). */
const BY_COLUMN = {
  idx_cases_open_number: '"number", "received_at", "id"',
  idx_cases_open_title: '"title", "received_at", "id"',
  idx_cases_open_category: '"category_id", "received_at", "id"',
  idx_cases_open_department: '"department_id", "received_at", "id"',
  idx_cases_open_received: '"received_at", "id"',
  idx_cases_open_resolve_due: '"resolve_due_at", "received_at", "id"',
};
const OPEN_COLUMNS = `"status", "overdue", "department_id", "unit_path", "supervise_level", "received_at", "resolve_due_at", "category_id", "number", "title"`;

/**
 * 我的待办's tabs on PostgreSQL at a million cases (issue 16). They are parts of the open cases (one or two
 * in a hundred), but sorted ascending by a column whose order runs through the closed cases first, the
 * planner walked that column's index over the whole table and filtered (an overdue list by due time: 2 s,
 * 889,000 rows read for 25). Each sortable column now has the open cases alone in its order, holding what
 * the tabs and scopes filter on, so a page is the first 25 entries that pass, read from the index only.
 * `idx_cases_open` gets the case id too: the list selects it, and without it every entry read the table.
 * Each is a small index (the open cases); SQLite plans these lists from `idx_cases_open` already.
 */
export class OpenListIndexes1796650000000 implements MigrationInterface {
  name = 'OpenListIndexes1796650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_cases_open"`);
    await q.query(`CREATE INDEX "idx_cases_open" ON "cases" (${OPEN_COLUMNS}) INCLUDE ("id") ${OPEN}`);
    for (const [name, columns] of Object.entries(BY_COLUMN)) await q.query(`CREATE INDEX "${name}" ON "cases" (${columns}) ${FILTERED} ${OPEN}`);
    await q.query(`ANALYZE "cases"`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(BY_COLUMN)) await q.query(`DROP INDEX "${name}"`);
    await q.query(`DROP INDEX "idx_cases_open"`);
    await q.query(`CREATE INDEX "idx_cases_open" ON "cases" (${OPEN_COLUMNS}) ${OPEN}`);
  }
}
