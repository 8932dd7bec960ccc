import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowClocksAttachments1795457349787 implements MigrationInterface {
  name = 'WorkflowClocksAttachments1795457349787';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "attachments" ("id" SERIAL NOT NULL, "case_id" integer NOT NULL, "stage" character varying(10) NOT NULL, "file_name" character varying(200) NOT NULL, "mime_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character varying(64) NOT NULL, "storage_key" character varying(300) NOT NULL, "note" text, "uploaded_by_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_attachments_case" ON "attachments"  ("case_id", "id") `);
    await q.query(`ALTER TABLE "cases" ADD "sign_overdue" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "cases" ADD "response_overdue" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "cases" ADD "resolve_overdue" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "cases" ADD "overdue" boolean NOT NULL DEFAULT false`);
    // Cases already closed late keep that as history; open ones that ran out are flagged (with their event) by the scan.
    await q.query(`UPDATE "cases" SET "sign_overdue" = COALESCE("accepted_at" > "sign_due_at", false), "response_overdue" = COALESCE(COALESCE("responded_at", "closed_at") > "response_due_at", false), "resolve_overdue" = COALESCE("closed_at" > "resolve_due_at", false)`);
    await q.query(`UPDATE "cases" SET "overdue" = true WHERE "sign_overdue" OR "response_overdue" OR "resolve_overdue"`);
    await q.query(`CREATE INDEX "idx_cases_overdue_received" ON "cases"  ("overdue", "received_at") `);
    await q.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_70a38fc450d3b433c86b67e69d6" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_70a38fc450d3b433c86b67e69d6"`);
    await q.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871"`);
    await q.query(`DROP INDEX "public"."idx_cases_overdue_received"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "overdue"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "resolve_overdue"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "response_overdue"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "sign_overdue"`);
    await q.query(`DROP INDEX "public"."idx_attachments_case"`);
    await q.query(`DROP TABLE "attachments"`);
  }
}
