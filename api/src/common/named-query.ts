import type { DataSource, EntityManager } from 'typeorm';

/** Runs SQL with named parameters (`:key`) in the engine's own placeholders, so no caller asks which database this is. */
export function namedQuery<T>(db: DataSource | EntityManager, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const ds = 'driver' in db ? db : db.connection;
  const [text, values] = ds.driver.escapeQueryWithParameters(sql, params);
  return db.query(text, values);
}
