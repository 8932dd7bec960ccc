import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments kept in the database (FILE_STORAGE=database), in parts of up to 256 kB: the same storage as on
 * PostgreSQL, so that one setting means the same on both engines, and `VACUUM INTO` backs them up with the rest.
 */
export class AttachmentBlobs1796600000001 implements MigrationInterface {
  name = 'AttachmentBlobs1796600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "attachment_blobs" ("storage_key" varchar(300) NOT NULL, "part" integer NOT NULL, "bytes" blob NOT NULL, PRIMARY KEY ("storage_key", "part"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "attachment_blobs"`);
  }
}
