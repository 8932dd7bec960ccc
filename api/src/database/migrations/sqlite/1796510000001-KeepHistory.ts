import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History is never rewritten by a delete: the foreign keys that would null out a timeline's actor, a case's
 * creator, unit or resident (ON DELETE SET NULL) or drop a case's events and files with it (CASCADE) must
 * refuse the delete instead. SQLite cannot alter a foreign key without rebuilding the table (the cases
 * table with its covering indexes, at a million rows), so a BEFORE DELETE trigger on each parent refuses
 * first, with SQLite's own foreign-key message; it runs before the key's action could. The application
 * disables such records or answers 409 before it gets here; this is the database's guarantee for writes that
 * bypass it.
 */
const GUARDS: Record<string, [child: string, column: string][]> = {
  users: [
    ['case_events', 'actor_id'],
    ['cases', 'created_by_id'],
    ['cases', 'assignee_id'],
    ['attachments', 'uploaded_by_id'],
  ],
  departments: [
    ['users', 'department_id'],
    ['categories', 'department_id'],
    ['cases', 'department_id'],
  ],
  grid_units: [['users', 'scope_unit_id']],
  residents: [['cases', 'resident_id']],
  cases: [
    ['case_events', 'case_id'],
    ['attachments', 'case_id'],
    ['cases', 'parent_case_id'],
  ],
};

export class KeepHistory1796510000001 implements MigrationInterface {
  name = 'KeepHistory1796510000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [parent, children] of Object.entries(GUARDS)) {
      const referenced = children.map(([child, column]) => `EXISTS (SELECT 1 FROM "${child}" WHERE "${column}" = OLD."id")`).join(' OR ');
      await q.query(
        `CREATE TRIGGER "trg_${parent}_keep_history" BEFORE DELETE ON "${parent}" WHEN ${referenced} BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const parent of Object.keys(GUARDS)) await q.query(`DROP TRIGGER "trg_${parent}_keep_history"`);
  }
}
