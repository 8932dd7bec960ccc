import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel a user's intake form starts from (a user setting, PUT /api/auth/me/settings). */
export class UserDefaultChannel1796410000000 implements MigrationInterface {
  name = 'UserDefaultChannel1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD COLUMN "default_channel_id" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "default_channel_id"`);
  }
}
