/**
 * Multi-row INSERT for bulk seeding. TypeORM's query builder does the same job but spends most of its
 * time naming and looking up one parameter per value (about 0.3 ms a case, 70% of a seed run); this
 * builds the statement directly from the entity metadata, with the driver's own value conversions
 * (dates, booleans, JSON), so rows land exactly as the repositories write them.
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts `rows` (all with the same properties) in one statement. With `returnIds`, returns the new ids
 * in row order: RETURNING on both engines (SQLite 3.35 and later), sorted, since one statement assigns
 * increasing ids in row order. Placeholders in the driver's own spelling ($1 or ?).
 */
export async function bulkInsert<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[], returnIds = false): Promise<number[]> {
  if (rows.length === 0) return [];
  const ds = m.connection;
  const meta = ds.getMetadata(target);
  const driver = ds.driver;
  const props = Object.keys(rows[0]);
  const columns = props.map((p) => {
    const c = meta.findColumnWithPropertyName(p);
    if (!c) throw new Error(`${meta.name} has no column ${p}`);
    return c;
  });
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const marks: string[] = [];
    for (let i = 0; i < props.length; i++) {
      params.push(driver.preparePersistentValue(row[props[i]], columns[i]) ?? null);
      marks.push(driver.createParameter('', params.length - 1));
    }
    tuples.push(`(${marks.join(',')})`);
  }
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const sql = `INSERT INTO ${driver.escape(meta.tableName)} (${names}) VALUES ${tuples.join(',')}${returnIds ? ' RETURNING "id"' : ''}`;
  const raw = await m.query(sql, params);
  if (!returnIds) return [];
  return (raw as { id: number | string }[]).map((r) => Number(r.id)).sort((a, b) => a - b);
}
