/**
 * The few SQL spellings the two engines do not share, for queries that are otherwise the same; one object
 * per engine, chosen once (engine.module.ts).
 */
export const SQL_DIALECT = Symbol('SqlDialect');

export interface SqlDialect {
  /** The continuous percentile `fraction` (0..1, linear interpolation) of a column, as an aggregate. */
  percentile(column: string, fraction: number): string;
}

export const POSTGRES_DIALECT: SqlDialect = {
  percentile: (column, fraction) => `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${column})`,
};

/** SQLite's `percentile_cont` (its percentile extension, built into better-sqlite3's SQLite), an aggregate of two arguments. */
export const SQLITE_DIALECT: SqlDialect = {
  percentile: (column, fraction) => `percentile_cont(${column}, ${fraction})`,
};
