import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored overdue flags on cases and the attachments table. Written by hand from the generated one: the
 * columns are added in place (ALTER TABLE … ADD COLUMN) instead of copying a table of a million cases.
 */
export class WorkflowClocksAttachments1795457349787 implements MigrationInterface {
  name = 'WorkflowClocksAttachments1795457349787';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "attachments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "case_id" integer NOT NULL, "stage" varchar(10) NOT NULL, "file_name" varchar(200) NOT NULL, "mime_type" varchar(100) NOT NULL, "size" integer NOT NULL, "sha256" varchar(64) NOT NULL, "storage_key" varchar(300) NOT NULL, "note" text, "uploaded_by_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_70a38fc450d3b433c86b67e69d6" FOREIGN KEY ("uploaded_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "idx_attachments_case" ON "attachments" ("case_id", "id") `);
    for (const column of ['sign_overdue', 'response_overdue', 'resolve_overdue', 'overdue']) {
      await q.query(`ALTER TABLE "cases" ADD COLUMN "${column}" boolean NOT NULL DEFAULT (0)`);
    }
    // Cases already closed late keep that as history; open ones that ran out are flagged (with their event) by the scan.
    await q.query(`UPDATE "cases" SET "sign_overdue" = COALESCE("accepted_at" > "sign_due_at", 0), "response_overdue" = COALESCE(COALESCE("responded_at", "closed_at") > "response_due_at", 0), "resolve_overdue" = COALESCE("closed_at" > "resolve_due_at", 0)`);
    await q.query(`UPDATE "cases" SET "overdue" = 1 WHERE "sign_overdue" = 1 OR "response_overdue" = 1 OR "resolve_overdue" = 1`);
    await q.query(`CREATE INDEX "idx_cases_overdue_received" ON "cases" ("overdue", "received_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_cases_overdue_received"`);
    for (const column of ['overdue', 'resolve_overdue', 'response_overdue', 'sign_overdue']) await q.query(`ALTER TABLE "cases" DROP COLUMN "${column}"`);
    await q.query(`DROP INDEX "idx_attachments_case"`);
    await q.query(`DROP TABLE "attachments"`);
  }
}
