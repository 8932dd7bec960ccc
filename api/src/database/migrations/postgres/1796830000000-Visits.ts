import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18's visits to households (走访): who, when, what was found, the case logged from it. */
export class Visits1796830000000 implements MigrationInterface {
  name = 'Visits1796830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "visits" ("id" SERIAL NOT NULL, "resident_id" integer NOT NULL, "user_id" integer NOT NULL, "visited_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" character varying(1000) NOT NULL, "case_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0b0b322289a41015c6ea4e8bf30" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_visits_resident" ON "visits"  ("resident_id", "visited_at") `);
    await q.query(`ALTER TABLE "visits" ADD CONSTRAINT "FK_ad3db24af26a38295b6703cefd5" FOREIGN KEY ("resident_id") REFERENCES "residents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "visits" ADD CONSTRAINT "FK_194460786aece8cab095bec7a75" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "visits" ADD CONSTRAINT "FK_20e8b91a81ea132d87e02fecb8b" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "visits"`);
  }
}
