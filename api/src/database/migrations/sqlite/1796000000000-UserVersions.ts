import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change counter for users in `reference_versions`, bumped by trigger on every write, whoever writes:
 * each instance's directory of signed-in users (users/user-directory.service.ts) checks it and forgets
 * what changed, so an account disabled or a role changed on one instance counts on all within a second.
 */
export class UserVersions1796000000000 implements MigrationInterface {
  name = 'UserVersions1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO "reference_versions" ("name", "version") VALUES ('users', 1)`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      await q.query(`CREATE TRIGGER "trg_users_${op.toLowerCase()}_version" AFTER ${op} ON "users" BEGIN UPDATE "reference_versions" SET "version" = "version" + 1 WHERE "name" = 'users'; END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "trg_users_${op}_version"`);
    await q.query(`DELETE FROM "reference_versions" WHERE "name" = 'users'`);
  }
}
