/**
 * Writes generated cases to PostgreSQL with COPY (text format), a batch per transaction. The rows arrive
 * formatted as SQLite stores them (case-rows.ts: UTC datetimes as `YYYY-MM-DD HH:mm:ss.SSS`, booleans 1/0,
 * JSON as text): PostgreSQL reads 1/0 as booleans, and a datetime gets its zone (`+00`). Like the SQLite
 * writer it fills in only what the database decides: serials, ids, the events' case, a merge's parent, and
 * the timeline's hashes (event-chainer.ts hashes the SQLite forms, as intake does).
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { caseNumber } from '../cases/case-numbers.js';
import type { RowBatch, TableSpec } from './case-rows.js';
import { RECENT } from './case-stream.js';
import { fillCaseRows } from './event-chainer.js';
import { tsvectorOfDocument } from '../search/postgres-keyword-index.js';

/** A connection of pg's pool, as far as the loader uses it (pg ships no types here). */
export interface PgClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  query<T>(stream: T): T;
  release(): void;
}

/** Cases sent per COPY in a bulk load: the stream's batches are a day each, a few dozen cases. */
const CASES_PER_COPY = 5_000;

/** COPY's data in pieces of a few thousand lines (one string of a whole table's rows would be hundreds of MB). */
function* chunks(lines: string[]) {
  for (let i = 0; i < lines.length; i += 2_000) yield `${lines.slice(i, i + 2_000).join('\n')}\n`;
}


/** A value as COPY's text format reads it: `\N` for null, backslash, tab and line ends escaped. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

export class PostgresCaseWriter {
  /** Per table, by column: whether it is a datetime (gets its zone). */
  private readonly datetimes = new Map<string, Set<string>>();
  /** Ids of this run's cases by their place in the stream, for merges (a parent is among the last RECENT). */
  private readonly ids = new Map<number, number>();
  private seq = 0;
  private readonly buffered = new Map<string, { columns: string[]; lines: string[] }>();
  private bufferedCases = 0;

  constructor(
    private readonly client: PgClient,
    tables: TableSpec[],
    /** False: the caller holds one transaction around the whole load (bulk-session.ts). */
    private readonly ownTransactions = true,
  ) {
    for (const t of tables) this.datetimes.set(t.table, new Set(t.columns.filter((c) => c.kind === 'datetime').map((c) => c.column)));
  }

  /** Writes one batch, in a transaction of its own unless the caller holds one; returns the number of events written. */
  async write(b: RowBatch): Promise<number> {
    // Outside the batch's transaction: serials and ids are taken at once, never held while it writes.
    const first = Number((await this.client.query(`INSERT INTO case_counters (day, last) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET last = case_counters.last + excluded.last RETURNING last`, [b.day, b.count])).rows[0].last) - b.count + 1;
    const ids = (await this.client.query(`SELECT nextval('cases_id_seq')::int AS id FROM generate_series(1, $1)`, [b.count])).rows.map((r) => Number(r.id));
    const [cases, ...rest] = b.tables;
    const width = cases.columns.length;
    const numberAt = cases.properties.indexOf('number');
    const parentAt = cases.properties.indexOf('parentCaseId');
    const numbers = new Array<string>(b.count);
    const caseLines: string[] = [];
    const zoned = this.zonedColumns(cases.table, cases.columns);
    for (let i = 0; i < b.count; i++) {
      const at = i * width;
      cases.values[at + numberAt] = numbers[i] = caseNumber(b.day, first + i);
      if (b.parents[i] >= 0) cases.values[at + parentAt] = this.idOf(b.parents[i]);
      this.ids.set(this.seq + i, ids[i]);
      caseLines.push(`${ids[i]}\t${this.line(cases.values, at, width, zoned)}`);
    }
    this.seq += b.count;
    for (const k of this.ids.keys()) if (k < this.seq - RECENT * 8) this.ids.delete(k);

    if (this.ownTransactions) await this.client.query('BEGIN');
    try {
      this.buffer('cases', ['id', ...cases.columns], caseLines);
      let written = 0;
      for (const t of rest) {
        const w = t.columns.length;
        const v = t.values;
        const chained = fillCaseRows(t, ids, numbers, (i) => this.idOf(b.parents[i]));
        const z = this.zonedColumns(t.table, t.columns);
        const lines: string[] = [];
        for (let r = 0; r < t.cases.length; r++) lines.push(this.line(v, r * w, w, z));
        this.buffer(t.table, t.columns, lines);
        if (chained) {
          const h = chained.heads;
          const heads: string[] = [];
          for (let k = 0; k < h.length; k += 3) heads.push(`${h[k]}\t${field(h[k + 1])}\t${h[k + 2]}`);
          this.buffer('case_chains', ['case_id', 'head', 'length'], heads);
        }
        written += t.cases.length;
      }
      if (b.search) this.buffer('case_search', ['case_id', 'doc'], b.search.map((doc, i) => `${ids[i]}\t${field(tsvectorOfDocument(doc))}`));
      this.bufferedCases += b.count;
      if (this.ownTransactions || this.bufferedCases >= CASES_PER_COPY) await this.finish();
      if (this.ownTransactions) await this.client.query('COMMIT');
      return written;
    } catch (err) {
      if (this.ownTransactions) await this.client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  private zonedColumns(table: string, columns: string[]): boolean[] {
    const set = this.datetimes.get(table) ?? new Set<string>();
    return columns.map((c) => set.has(c));
  }

  /** One row as a COPY line: `width` values of `values` from `start`. */
  private line(values: unknown[], start: number, width: number, zoned: boolean[]): string {
    let out = '';
    for (let c = 0; c < width; c++) {
      const v = values[start + c];
      out += (c ? '\t' : '') + (zoned[c] && v !== null && v !== undefined ? `${v as string}+00` : field(v));
    }
    return out;
  }

  /** Rows kept for the next COPY of their table (tables in the order they were first given: cases first). */
  private buffer(table: string, columns: string[], lines: string[]) {
    const held = this.buffered.get(table);
    if (held) held.lines.push(...lines);
    else this.buffered.set(table, { columns, lines: [...lines] });
  }

  /** Sends what is held, a COPY per table. */
  async finish(): Promise<void> {
    for (const [table, { columns, lines }] of this.buffered) {
      if (lines.length === 0) continue;
      const stream = this.client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
      await pipeline(Readable.from(chunks(lines)), stream);
    }
    this.buffered.clear();
    this.bufferedCases = 0;
  }

  private idOf(seq: number): number {
    const id = this.ids.get(seq);
    if (id === undefined) throw new Error(`merge into case #${seq} of this run, which is no longer known`);
    return id;
  }
}
