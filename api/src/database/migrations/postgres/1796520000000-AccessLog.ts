import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log (who viewed or exported personal data in full) and the per-user permission to export full
 * phones and addresses, granted by admins (issue 15, personal data on the record).
 */
export class AccessLog1796520000000 implements MigrationInterface {
  name = 'AccessLog1796520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "access_log" ("id" SERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" integer NOT NULL, "action" character varying(10) NOT NULL, "resource" character varying(30) NOT NULL, "record_id" integer, "rows" integer, "detail" character varying(100), CONSTRAINT "PK_access_log" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_access_log_at" ON "access_log" ("at")`);
    await q.query(`CREATE INDEX "idx_access_log_user_at" ON "access_log" ("user_id", "at")`);
    await q.query(`ALTER TABLE "users" ADD COLUMN "can_export_personal_data" boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "can_export_personal_data"`);
    await q.query(`DROP TABLE "access_log"`);
  }
}
