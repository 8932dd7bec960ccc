/**
 * Writes generated cases to SQLite through the driver's own better-sqlite3 handle, with prepared
 * statements kept for the whole run: a million cases spend their time in SQLite, not in building SQL or
 * converting values (the rows arrive formatted, see case-rows.ts). It fills in only what the database
 * decides: the day's serials, the ids, and with them the events' case and a merge's parent.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { caseNumber } from '../cases/case-numbers.js';
import { quotedNames } from '../database/sql-dialect.js';
import type { RowBatch } from './case-rows.js';
import { RECENT } from './case-stream.js';
import { fillCaseRows } from './event-chainer.js';

/**
 * Rows per INSERT after `cases` (whose ids are read one by one): fewer calls into the driver, few
 * parameters. Values go to the driver as arguments (`run(...values)`), not as one array: it reads an
 * array element by element through V8's generic property lookup, a third slower per value.
 */
const ROWS_PER_STATEMENT = 32;
/** The ids of the last cases by `seq`, for merges: a parent is among the last RECENT open cases, far fewer than this. */
const RING = 1 << 16;

export class SqliteCaseWriter {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly ringSeq = new Float64Array(RING).fill(-1);
  private readonly ringId = new Float64Array(RING);
  /** The `seq` of the next case to write (batches come in stream order). */
  private seq = 0;

  constructor(private readonly db: BetterSqlite3.Database) {
    if (RING < RECENT * 8) throw new Error('the id ring must outlast the stream’s recent cases');
  }

  /** Writes one batch; call it inside a transaction. Returns the rows written to each table after `cases`. */
  write(b: RowBatch): number {
    const first = this.reserveSerials(b.day, b.count);
    const [cases, ...rest] = b.tables;
    const width = cases.columns.length;
    const numberAt = cases.properties.indexOf('number');
    const parentAt = cases.properties.indexOf('parentCaseId');
    const insertCase = this.statement(cases.table, cases.columns, 1);
    const ids = new Array<number>(b.count);
    const numbers = new Array<string>(b.count);
    for (let i = 0; i < b.count; i++) {
      const row = cases.values.slice(i * width, (i + 1) * width);
      row[numberAt] = numbers[i] = caseNumber(b.day, first + i);
      // A parent is always received earlier, so it is written (and has its id) already.
      if (b.parents[i] >= 0) row[parentAt] = this.idOf(b.parents[i]);
      const id = Number(insertCase.run(...row).lastInsertRowid);
      ids[i] = id;
      const slot = (this.seq + i) % RING;
      this.ringSeq[slot] = this.seq + i;
      this.ringId[slot] = id;
    }
    this.seq += b.count;
    // The keyword index (cases/case-search.ts) as intake keeps it: one document per case, by its id.
    if (b.search) {
      const index = this.cached('INSERT INTO case_search (rowid, body) VALUES (?, ?)');
      for (let i = 0; i < b.count; i++) index.run(ids[i], b.search[i]);
    }

    let written = 0;
    for (const t of rest) {
      const w = t.columns.length;
      const v = t.values;
      const chained = fillCaseRows(t, ids, numbers, (i) => this.idOf(b.parents[i]));
      if (chained) this.writeChains(chained.heads);
      const rows = t.cases.length;
      const full = rows - (rows % ROWS_PER_STATEMENT);
      const many = this.statement(t.table, t.columns, ROWS_PER_STATEMENT);
      for (let r = 0; r < full; r += ROWS_PER_STATEMENT) many.run(...v.slice(r * w, (r + ROWS_PER_STATEMENT) * w));
      if (full < rows) this.statement(t.table, t.columns, rows - full).run(...v.slice(full * w));
      written += rows;
    }
    return written;
  }

  /** The chains' heads of the cases just written (case id, head, length), ROWS_PER_STATEMENT to an INSERT. */
  private writeChains(heads: unknown[]) {
    const rows = heads.length / 3;
    const full = rows - (rows % ROWS_PER_STATEMENT);
    const columns = ['case_id', 'head', 'length'];
    const many = this.statement('case_chains', columns, ROWS_PER_STATEMENT);
    for (let r = 0; r < full; r += ROWS_PER_STATEMENT) many.run(...heads.slice(r * 3, (r + ROWS_PER_STATEMENT) * 3));
    if (full < rows) this.statement('case_chains', columns, rows - full).run(...heads.slice(full * 3));
  }

  /** Takes `count` serials of a day at once, as intake takes one: intake running meanwhile continues after them. */
  private reserveSerials(day: string, count: number): number {
    const sql = `INSERT INTO case_counters (day, last) VALUES (?, ?)
      ON CONFLICT (day) DO UPDATE SET last = case_counters.last + excluded.last RETURNING last`;
    const { last } = this.cached(sql).get(day, count) as { last: number };
    return Number(last) - count + 1;
  }

  private idOf(seq: number): number {
    const slot = seq % RING;
    if (this.ringSeq[slot] !== seq) throw new Error(`merge into case #${seq} of this run, which is no longer known`);
    return this.ringId[slot];
  }

  private statement(table: string, columns: string[], rows: number): BetterSqlite3.Statement {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    return this.cached(`INSERT INTO "${table}" (${quotedNames(columns)}) VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`);
  }

  private cached(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}
