import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History is never rewritten by a delete: the foreign keys that used to null out a timeline's actor, a case's
 * creator, unit or resident (ON DELETE SET NULL) or drop a case's events and files with it (CASCADE) now
 * refuse the delete instead (RESTRICT). The application disables such records or answers 409 first; this is
 * the database's own guarantee, for writes that bypass it.
 */
const KEYS: [table: string, name: string, column: string, parent: string, was: string][] = [
  ['users', 'FK_fb1d2463302e7bd7e8aca1d0ce7', 'scope_unit_id', 'grid_units', 'SET NULL'],
  ['users', 'FK_0921d1972cf861d568f5271cd85', 'department_id', 'departments', 'SET NULL'],
  ['categories', 'FK_61c512b80008be608f1b4b34831', 'department_id', 'departments', 'SET NULL'],
  ['cases', 'FK_cd817f48134e8fbd599ffa40995', 'resident_id', 'residents', 'SET NULL'],
  ['cases', 'FK_5c2435b947a8680f2fa0d847c0b', 'department_id', 'departments', 'SET NULL'],
  ['cases', 'FK_1e03d7426e634bc22f7241ebfba', 'assignee_id', 'users', 'SET NULL'],
  ['cases', 'FK_a6eae4ce339ecabdebf4526fbb9', 'parent_case_id', 'cases', 'SET NULL'],
  ['cases', 'FK_7115e99d3a72c8a9eb7742915ab', 'created_by_id', 'users', 'SET NULL'],
  ['case_events', 'FK_259dbf949114e25670ac6cad205', 'case_id', 'cases', 'CASCADE'],
  ['case_events', 'FK_3c01d456849d19a814b7f723408', 'actor_id', 'users', 'SET NULL'],
  ['attachments', 'FK_2ecf0bc117c5bfeac567475c871', 'case_id', 'cases', 'CASCADE'],
  ['attachments', 'FK_70a38fc450d3b433c86b67e69d6', 'uploaded_by_id', 'users', 'SET NULL'],
];

export class KeepHistory1796510000001 implements MigrationInterface {
  name = 'KeepHistory1796510000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, name, column, parent] of KEYS) await this.replace(q, table, name, column, parent, 'RESTRICT');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, name, column, parent, was] of KEYS) await this.replace(q, table, name, column, parent, was);
  }

  /** Dropped and added in one statement; the rows already satisfy the key, so NOT VALID skips re-reading them. */
  private async replace(q: QueryRunner, table: string, name: string, column: string, parent: string, onDelete: string) {
    await q.query(
      `ALTER TABLE "${table}" DROP CONSTRAINT "${name}", ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${parent}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION NOT VALID`,
    );
    await q.query(`ALTER TABLE "${table}" VALIDATE CONSTRAINT "${name}"`);
  }
}
