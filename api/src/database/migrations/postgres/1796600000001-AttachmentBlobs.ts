import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments kept in the database (FILE_STORAGE=database), in parts of up to 256 kB, so that every instance
 * on this database serves every file and pg_dump backs them up with the rest. Photos and PDFs are compressed
 * already: EXTERNAL storage keeps them out of line without trying to compress them again.
 */
export class AttachmentBlobs1796600000001 implements MigrationInterface {
  name = 'AttachmentBlobs1796600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "attachment_blobs" ("storage_key" character varying(300) NOT NULL, "part" integer NOT NULL, "bytes" bytea NOT NULL, CONSTRAINT "PK_attachment_blobs" PRIMARY KEY ("storage_key", "part"))`);
    await q.query(`ALTER TABLE "attachment_blobs" ALTER COLUMN "bytes" SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "attachment_blobs"`);
  }
}
