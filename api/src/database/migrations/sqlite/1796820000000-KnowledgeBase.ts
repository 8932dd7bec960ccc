import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18's knowledge base (articles by category with validity dates, use counts) and reply templates. */
export class KnowledgeBase1796820000000 implements MigrationInterface {
  name = 'KnowledgeBase1796820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "articles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "category_id" integer, "valid_from" varchar(10), "valid_until" varchar(10), "public" boolean NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "uses" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_e025eeefcdb2a269c42484ee43f" FOREIGN KEY ("category_id") REFERENCES "categories" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "idx_articles_category" ON "articles" ("category_id", "active") `);
    await q.query(`CREATE TABLE "reply_templates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "text" varchar(2000) NOT NULL, "action" varchar(30), "active" boolean NOT NULL DEFAULT (1), "uses" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reply_templates"`);
    await q.query(`DROP TABLE "articles"`);
  }
}
