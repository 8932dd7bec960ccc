import type { Database } from 'better-sqlite3';
import type { DataSource } from 'typeorm';

/**
 * The better-sqlite3 connection TypeORM's driver holds (SQLite has one): for the few paths that need its
 * synchronous API (intake, bulk loads, keyword counts, exports, checkpoints). Undefined once it is closed.
 */
export function sqliteConnection(ds: DataSource): Database {
  return (ds.driver as unknown as { databaseConnection: Database }).databaseConnection;
}
