/**
 * The few SQL spellings the two engines do not share, for queries that are otherwise the same; one object
 * per engine, chosen once (engine.module.ts).
 */
export const SQL_DIALECT = Symbol('SqlDialect');

/** Column or table names as a quoted list (`"a", "b"`), spelled alike on both engines. */
export const quotedNames = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

export interface SqlDialect {
  /** The continuous percentile `fraction` (0..1, linear interpolation) of a column, as an aggregate. */
  percentile(column: string, fraction: number): string;
  /**
   * `column = value`, for a value of the set `inSql` (a parenthesised list of literals) that a partial index is
   * defined on. SQLite uses such an index only when the query states its condition term for term, so both are
   * written; PostgreSQL proves it from the value alone, and given both it multiplied their selectivities
   * (7 of 7,655 in-progress cases estimated) and read a status index row by row instead (12-100 ms).
   */
  valueOfSet(column: string, inSql: string, value: string): string;
  /** The aggregate concatenating a binary column's values, in the order given, as one binary value. */
  concatBytes(column: string, orderBy: string): string;
}

export const POSTGRES_DIALECT: SqlDialect = {
  percentile: (column, fraction) => `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${column})`,
  valueOfSet: (column, _inSql, value) => `${column} = ${value}`,
  concatBytes: (column, orderBy) => `string_agg(${column}, ''::bytea ORDER BY ${orderBy})`,
};

/** SQLite's `percentile_cont` (its percentile extension, built into better-sqlite3's SQLite), an aggregate of two arguments. */
export const SQLITE_DIALECT: SqlDialect = {
  percentile: (column, fraction) => `percentile_cont(${column}, ${fraction})`,
  valueOfSet: (column, inSql, value) => `${column} IN ${inSql} AND ${column} = ${value}`,
  // group_concat appends a blob's bytes as they are (text in the database's UTF-8 is not checked), NULs
  // included; the cast gives them back as a blob (sql-dialect.spec checks random bytes come back whole).
  concatBytes: (column, orderBy) => `CAST(group_concat(${column}, x'' ORDER BY ${orderBy}) AS BLOB)`,
};
