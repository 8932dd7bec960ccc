import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change counter for users in `reference_versions`, bumped by a statement trigger on every write, whoever
 * writes: each instance's directory of signed-in users (users/user-directory.service.ts) checks it and
 * forgets what changed, so an account disabled or a role changed on one instance counts on all within a second.
 */
export class UserVersions1796000000000 implements MigrationInterface {
  name = 'UserVersions1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO "reference_versions" ("name", "version") VALUES ('users', 1)`);
    await q.query(`CREATE TRIGGER "trg_users_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "trg_users_version" ON "users"`);
    await q.query(`DELETE FROM "reference_versions" WHERE "name" = 'users'`);
  }
}
