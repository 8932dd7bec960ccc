/**
 * Generated batches as COPY text (PostgreSQL's text format), given the cases' ids and the first of their
 * day's serials: the cases' numbers, a merge's parent, the events' case and hash chain (event-chainer.ts
 * hashes the SQLite forms, as intake does), the chain heads and the keyword entries. The rows arrive
 * formatted as SQLite stores them (case-rows.ts: UTC datetimes as `YYYY-MM-DD HH:mm:ss.SSS`, booleans 1/0,
 * JSON as text): PostgreSQL reads 1/0 as booleans, and a datetime gets its zone (`+00`).
 *
 * Pure and synchronous, so that it runs where the ids are known: in the generator's worker during a bulk
 * load (the ids and serials reserved up front, `MemoryNumbering`), which then sends a few strings a batch
 * instead of every value; on the writer's thread for a load batch by batch.
 */
import { caseNumber } from '../cases/case-numbers.js';
import type { RowBatch, TableSpec } from './case-rows.js';
import { RECENT } from './case-stream.js';
import { fillCaseRows } from './event-chainer.js';

/** One table's rows of a batch, ready for `COPY table (columns) FROM STDIN`. */
export interface CopyPiece {
  table: string;
  columns: string[];
  text: string;
}

export interface CopyBatch {
  day: string;
  count: number;
  events: number;
  /** `cases` first (the others refer to it). */
  pieces: CopyPiece[];
}

/** A value as COPY's text format reads it: `\N` for null, backslash, tab and line ends escaped. */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

export class CopyFormatter {
  /** Per table, by column: whether it is a datetime (gets its zone). */
  private readonly datetimes = new Map<string, Set<string>>();
  /** Ids of this run's cases by their place in the stream, for merges (a parent is among the last RECENT). */
  private readonly ids = new Map<number, number>();
  private seq = 0;

  constructor(tables: TableSpec[]) {
    for (const t of tables) this.datetimes.set(t.table, new Set(t.columns.filter((c) => c.kind === 'datetime').map((c) => c.column)));
  }

  /** The batch `b` as COPY text, its cases numbered from serial `first` of its day with these `ids`. */
  format(b: RowBatch, first: number, ids: number[]): CopyBatch {
    const [cases, ...rest] = b.tables;
    const width = cases.columns.length;
    const numberAt = cases.properties.indexOf('number');
    const parentAt = cases.properties.indexOf('parentCaseId');
    const numbers = new Array<string>(b.count);
    const zoned = this.zonedColumns(cases.table, cases.columns);
    let caseLines = '';
    for (let i = 0; i < b.count; i++) {
      const at = i * width;
      cases.values[at + numberAt] = numbers[i] = caseNumber(b.day, first + i);
      if (b.parents[i] >= 0) cases.values[at + parentAt] = this.idOf(b.parents[i]);
      this.ids.set(this.seq + i, ids[i]);
      caseLines += `${ids[i]}\t${this.line(cases.values, at, width, zoned)}\n`;
    }
    this.seq += b.count;
    for (const k of this.ids.keys()) if (k < this.seq - RECENT * 8) this.ids.delete(k);

    const pieces: CopyPiece[] = [{ table: 'cases', columns: ['id', ...cases.columns], text: caseLines }];
    let events = 0;
    for (const t of rest) {
      const w = t.columns.length;
      const chained = fillCaseRows(t, ids, numbers, (i) => this.idOf(b.parents[i]));
      const z = this.zonedColumns(t.table, t.columns);
      let lines = '';
      for (let r = 0; r < t.cases.length; r++) lines += `${this.line(t.values, r * w, w, z)}\n`;
      pieces.push({ table: t.table, columns: t.columns, text: lines });
      if (chained) {
        const h = chained.heads;
        let heads = '';
        for (let k = 0; k < h.length; k += 3) heads += `${h[k]}\t${copyField(h[k + 1])}\t${h[k + 2]}\n`;
        pieces.push({ table: 'case_chains', columns: ['case_id', 'head', 'length'], text: heads });
      }
      events += t.cases.length;
    }
    if (b.search) {
      let entries = '';
      const units = b.searchUnits ?? [];
      for (let i = 0; i < b.count; i++) entries += `${ids[i]}\t${copyField(b.search[i])}\t${units[i] ?? 0}\n`;
      pieces.push({ table: 'case_search', columns: ['case_id', 'doc', 'unit_id'], text: entries });
    }
    return { day: b.day, count: b.count, events, pieces };
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
      out += (c ? '\t' : '') + (zoned[c] && v !== null && v !== undefined ? `${v as string}+00` : copyField(v));
    }
    return out;
  }

  private idOf(seq: number): number {
    const id = this.ids.get(seq);
    if (id === undefined) throw new Error(`merge into case #${seq} of this run, which is no longer known`);
    return id;
  }
}

/** Where a bulk load's ids and serials start: a range of the sequence and each day's last serial, reserved up front. */
export interface NumberingStart {
  firstId: number;
  lastId: number;
  serials: [day: string, last: number][];
}

/**
 * Ids and serials from memory, in the order batches are numbered: the same start gives the same numbers
 * in the worker (which formats) and on the writer's thread (which moves the counters past them at the end).
 */
export class MemoryNumbering {
  private nextId: number;
  private readonly serials: Map<string, number>;
  /** The days this load took serials of. */
  readonly taken = new Set<string>();

  constructor(private readonly start: NumberingStart) {
    this.nextId = start.firstId;
    this.serials = new Map(start.serials);
  }

  reserve(day: string, count: number): { first: number; ids: number[] } {
    if (this.nextId + count - 1 > this.start.lastId) throw new Error(`the bulk load reserved ${this.start.lastId - this.nextId + 1} more case ids, not ${count}`);
    const ids = Array.from({ length: count }, (_, i) => this.nextId + i);
    this.nextId += count;
    const first = (this.serials.get(day) ?? 0) + 1;
    this.serials.set(day, first + count - 1);
    this.taken.add(day);
    return { first, ids };
  }

  /** Each day this load took serials of, with its last serial now. */
  lastSerials(): [string, number][] {
    return [...this.taken].map((d) => [d, this.serials.get(d)!]);
  }
}
