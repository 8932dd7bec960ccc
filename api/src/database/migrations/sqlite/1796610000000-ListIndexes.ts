import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `'received', 'dispatched', 'in_progress', 'returned', 'replied'`;
/** A handler's cases (their unit's) by each sortable column: `department_id = ?` implies the condition. */
const BY_UNIT = { number: 'idx_cases_department_number', title: 'idx_cases_department_title', category_id: 'idx_cases_department_category', resolve_due_at: 'idx_cases_department_resolve_due' };
const NEW = ['idx_cases_title_received', 'idx_cases_resolve_due_received', 'idx_cases_open', ...Object.values(BY_UNIT)];

/**
 * Every list the console offers within the list budget at a million cases (issue 16): the case table sorted by
 * its title or its resolution due time follows an index in that order (ties by the time of receipt, as the list
 * breaks them), and 我的待办's tabs, all parts of the open cases, are found, counted and sorted in one small
 * partial index that holds every column their filters, scopes and sorts read (a supervisor's overdue tab by due
 * time took 516 ms: 286,000 overdue cases, closed ones included, read to find 4,000 open ones, then sorted);
 * a handler's cases, a tenth of all, by any column, from their unit's own indexes (800 ms when sorted whole).
 * The list writes the index's condition as it stands here, term for term, since SQLite matches it so.
 */
export class ListIndexes1796610000000 implements MigrationInterface {
  name = 'ListIndexes1796610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_cases_title_received" ON "cases" ("title", "received_at") `);
    await q.query(`CREATE INDEX "idx_cases_resolve_due_received" ON "cases" ("resolve_due_at", "received_at") `);
    await q.query(
      `CREATE INDEX "idx_cases_open" ON "cases" ("status", "overdue", "department_id", "unit_path", "supervise_level", "received_at", "resolve_due_at", "category_id", "number", "title") WHERE "status" IN (${OPEN})`,
    );
    // Only dispatched cases have a unit: intake writes no entry in these.
    for (const [column, name] of Object.entries(BY_UNIT)) {
      await q.query(`CREATE INDEX "${name}" ON "cases" ("department_id", "${column}", "received_at") WHERE "department_id" IS NOT NULL`);
    }
    // Statistics for the new indexes (without skip-scans, as refreshStatistics keeps them, database.module.ts).
    for (const name of NEW) await q.query(`ANALYZE "${name}"`);
    await q.query(`UPDATE sqlite_stat1 SET stat = stat || ' noskipscan' WHERE idx IN (${NEW.map((x) => `'${x}'`).join(', ')}) AND stat NOT LIKE '%noskipscan%'`);
    await q.query('ANALYZE sqlite_schema');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of NEW) await q.query(`DROP INDEX "${name}"`);
  }
}
