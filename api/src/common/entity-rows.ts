import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * An entity's records read from a statement of our own, as `getMany` makes them: the same columns (those
 * selected by default), each through the driver's hydration, into an instance of the entity's class. For a
 * statement written around a query builder's SQL (a list's page, crud.service.ts), where getMany would build
 * its 50-column select list again for every request and read each row twice over (its raw row, then the entity).
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly meta: EntityMetadata;
  private readonly columns: ColumnMetadata[];
  /** The select list per alias, built once: each column `AS "f<i>"`. */
  private readonly lists = new Map<string, string>();

  constructor(
    private readonly ds: DataSource,
    target: EntityTarget<T>,
  ) {
    this.meta = ds.getMetadata(target);
    this.columns = this.meta.columns.filter((c) => c.isSelect && !c.isVirtual);
  }

  /** The entity's table, quoted, as a statement names it. */
  get table(): string {
    return this.ds.driver.escape(this.meta.tablePath);
  }

  /** The columns of the entity under `alias`, for the statement's select list. */
  selectList(alias: string): string {
    let list = this.lists.get(alias);
    if (list === undefined) {
      const a = this.ds.driver.escape(alias);
      list = this.columns.map((c, i) => `${a}.${this.ds.driver.escape(c.databaseName)} AS "f${i}"`).join(', ');
      this.lists.set(alias, list);
    }
    return list;
  }

  /** Records from the raw rows of a statement that selected `selectList`. */
  records(raw: Record<string, unknown>[]): T[] {
    const { driver } = this.ds;
    return raw.map((row) => {
      const record = this.meta.create() as T;
      this.columns.forEach((c, i) => c.setEntityValue(record, driver.prepareHydratedValue(row[`f${i}`], c)));
      return record;
    });
  }
}
