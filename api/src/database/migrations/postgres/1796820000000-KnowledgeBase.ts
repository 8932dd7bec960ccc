import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18's knowledge base (articles by category with validity dates, use counts) and reply templates. */
export class KnowledgeBase1796820000000 implements MigrationInterface {
  name = 'KnowledgeBase1796820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "articles" ("id" SERIAL NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "category_id" integer, "valid_from" character varying(10), "valid_until" character varying(10), "public" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "uses" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_0a6e2c450d83e0b6052c2793334" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_articles_category" ON "articles"  ("category_id", "active") `);
    await q.query(`CREATE TABLE "reply_templates" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, "text" character varying(2000) NOT NULL, "action" character varying(30), "active" boolean NOT NULL DEFAULT true, "uses" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_5eea29db5f7f80ebf8210ee3df6" PRIMARY KEY ("id"))`);
    await q.query(`ALTER TABLE "articles" ADD CONSTRAINT "FK_e025eeefcdb2a269c42484ee43f" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reply_templates"`);
    await q.query(`DROP TABLE "articles"`);
  }
}
