/**
 * Generated cases as SQLite rows, for the bulk writer: one flat array of values per table and batch,
 * stored exactly as TypeORM's SQLite driver stores them (`AbstractSqliteDriver.preparePersistentValue`:
 * datetimes as UTC `YYYY-MM-DD HH:mm:ss.SSS` text, booleans as 1/0, simple-json as JSON text), so rows
 * read back the same whichever path wrote them. Pure: it runs in the generator's worker, where the
 * formatting costs the writer nothing.
 */
import type { DataSource } from 'typeorm';
import { CaseEvent } from '../cases/case-event.entity.js';
import { searchDocument } from '../cases/case-search.js';
import { Case } from '../cases/case.entity.js';
import type { CaseSim } from './case-sim.js';
import type { CaseBatch } from './case-stream.js';
import type { MeasureBits } from './measure-bits.js';
import { ownUnit, tsvectorOfDocument } from '../search/postgres-keyword-index.js';

export type ColumnKind = 'datetime' | 'boolean' | 'json' | 'plain';

export interface ColumnSpec {
  property: string;
  column: string;
  kind: ColumnKind;
}

export interface TableSpec {
  table: string;
  columns: ColumnSpec[];
}

/**
 * The tables a generated case is written to, `cases` first: the row objects a case has there (all of
 * one shape), the properties whose names differ from the entity's, and those the row lacks, with where
 * their values come from (`null`: filled in by the writer). Another per-case table is one more entry
 * here (its `caseId` is filled in by the writer, like the events').
 */
const PER_CASE: { entity: typeof Case | typeof CaseEvent; rows: (s: CaseSim) => readonly object[]; renamed: Record<string, string>; extra: Record<string, ((s: CaseSim) => unknown) | null> }[] = [
  { entity: Case, rows: (s) => [s.fields], renamed: {}, extra: { number: null, createdAt: (s) => s.fields.receivedAt } },
  // seq and hash are the writer's too: the hash covers the case's id (timeline/event-chain.ts).
  { entity: CaseEvent, rows: (s) => s.events, renamed: { createdAt: 'at' }, extra: { caseId: null, seq: null, hash: null } },
];

/**
 * The columns of each per-case table, from the entity metadata (so migrations and entities stay the
 * one source of names and types): every column but the generated id. Columns a generated case has no
 * value for are left out of the rows and take their defaults.
 */
export function perCaseTables(ds: DataSource): TableSpec[] {
  return PER_CASE.map(({ entity }) => {
    const meta = ds.getMetadata(entity);
    const columns = meta.columns
      .filter((c) => !c.isGenerated)
      .map((c) => {
        if (c.transformer) throw new Error(`${meta.tableName}.${c.databaseName} has a transformer: the bulk writer stores values as the driver does and would skip it`);
        return { property: c.propertyName, column: c.databaseName, kind: kindOf(c.type) };
      });
    return { table: meta.tableName, columns };
  });
}

function kindOf(type: unknown): ColumnKind {
  if (type === Boolean || type === 'boolean') return 'boolean';
  if (type === Date || type === 'datetime') return 'datetime';
  if (type === 'simple-json' || type === 'json' || type === 'jsonb') return 'json';
  if (type === 'date' || type === 'time' || type === 'simple-array' || type === 'simple-enum') throw new Error(`the bulk writer does not store ${String(type)} columns`);
  return 'plain';
}

/** A batch as rows: per table the columns written, the values row after row, and each row's case (index in the batch). */
export interface RowBatch {
  day: string;
  count: number;
  /** Per case: the `seq` of the case it is merged into, or -1. */
  parents: number[];
  /** Per case: its keyword index entry in the form of `SearchForm`, when the database has the index. */
  search: string[] | null;
  /** Per case with a `tsvector` entry: its own unit, which PostgreSQL's entry records (case_search.unit_id). */
  searchUnits?: number[];
  tables: { table: string; properties: string[]; columns: string[]; values: unknown[]; cases: number[] }[];
}

const DAY = 86_400_000;
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const dayTexts = new Map<number, string>();

/**
 * The UTC datetime text TypeORM stores on SQLite (`DateUtils.mixedDateToUtcDatetimeString`):
 * `YYYY-MM-DD HH:mm:ss.SSS`. Made from the day's text and digit tables: a million cases have some
 * fifteen million of these, and going through a Date and its ISO string was a seventh of the run.
 */
export function sqliteDatetime(ms: number): string {
  const day = Math.floor(ms / DAY);
  let date = dayTexts.get(day);
  if (date === undefined) {
    if (dayTexts.size > 10_000) dayTexts.clear();
    date = `${new Date(day * DAY).toISOString().slice(0, 10)} `;
    dayTexts.set(day, date);
  }
  let r = ms - day * DAY;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const s = Math.floor(r / 1000);
  return `${date}${TWO[h]}:${TWO[m]}:${TWO[s]}.${THREE[r - s * 1000]}`;
}

/** Token strings of texts seen before: generated texts repeat (a title per category and place, a few details), so each is cut once. */
const tokenMemo = new Map<string, string>();
const unitMemo = new Map<string, string>();

function tokensOfText(text: string): string {
  let tokens = tokenMemo.get(text);
  if (tokens === undefined) {
    if (tokenMemo.size > 200_000) tokenMemo.clear();
    tokens = searchDocument({ title: text });
    tokenMemo.set(text, tokens);
  }
  return tokens;
}

/** What a case's keyword entry is made of (keyword-worker.ts receives only these). */
export type SearchParts = Pick<CaseSim['fields'], 'title' | 'description' | 'address' | 'reporterName' | 'unitPath'>;

/**
 * `searchDocument` of a case, made of the tokens of its parts, each cut once: the title, the sentences of
 * the description (a '。' always ends a run of letters, so the tokens of a text are those of its
 * sentences in turn), the address, the reporter's name and the units. The spec checks it equals
 * `searchDocument` on generated cases.
 */
export function searchDocumentOf(f: SearchParts): string {
  const parts: string[] = [];
  const add = (text: string | null | undefined) => {
    if (!text) return;
    const tokens = tokensOfText(text);
    if (tokens) parts.push(tokens);
  };
  add(f.title);
  if (f.description) for (const sentence of f.description.split('。')) add(sentence);
  add(f.address);
  add(f.reporterName);
  if (f.unitPath) {
    let units = unitMemo.get(f.unitPath);
    if (units === undefined) {
      units = searchDocument({ title: '', unitPath: f.unitPath });
      unitMemo.set(f.unitPath, units);
    }
    if (units) parts.push(units);
  }
  return parts.join(' ');
}

/**
 * How the keyword index stores a case's entry: SQLite's FTS5 takes the document (`searchDocument`),
 * PostgreSQL a tsvector literal of it. Made where the rows are formatted (the generator's worker), not by the writer.
 */
export type SearchForm = 'document' | 'tsvector';

const KINDS: readonly ColumnKind[] = ['plain', 'datetime', 'boolean', 'json'];

/** A value that is not null as the driver stores it, by the index of its kind in KINDS. */
function stored(value: unknown, kind: number): unknown {
  switch (kind) {
    case 1:
      return sqliteDatetime(value as number);
    case 2:
      return value === true ? 1 : 0;
    case 3:
      return JSON.stringify(value);
    default:
      return value;
  }
}

/**
 * Formats a batch for `tables` (from `perCaseTables`, in the same order as PER_CASE), with the cases'
 * keyword index entries in the `search` form if given and their stored measures if `measureBits` (SQLite).
 */
export function toRows(batch: CaseBatch, tables: TableSpec[], search: SearchForm | null, measureBits?: MeasureBits): RowBatch {
  const { sims } = batch;
  return {
    day: batch.day,
    count: sims.length,
    parents: sims.map((s) => (s.parent ? s.parent.seq : -1)),
    search: search === null ? null : sims.map((s) => (search === 'tsvector' ? tsvectorOfDocument(searchDocumentOf(s.fields)) : searchDocumentOf(s.fields))),
    ...(search === 'tsvector' ? { searchUnits: sims.map((s) => ownUnit(s.fields.unitPath)) } : {}),
    tables: tables.map((spec, t) => {
      const { rows, renamed, extra } = PER_CASE[t];
      let first: object | undefined;
      for (let i = 0; i < sims.length && first === undefined; i++) first = rows(sims[i])[0];
      // Where each column's value is: a position in Object.values(row) (rows of one shape list their
      // values in one order, and reading them so beats a lookup by name per value), or an extra.
      const keys = first ? Object.keys(first) : [];
      const columns = spec.columns.filter((c) => keys.includes(renamed[c.property] ?? c.property) || c.property in extra);
      const at = columns.map((c) => keys.indexOf(renamed[c.property] ?? c.property));
      const kinds = columns.map((c) => KINDS.indexOf(c.kind));
      const extras = columns.map((c) => extra[c.property] ?? null);
      // The cases' measures, stored with them (measure-bits.ts), after the columns they are computed from.
      const bitsColumn = t === 0 && measureBits ? spec.columns.find((c) => c.property === 'measureBits') : undefined;
      const bitsOf = bitsColumn ? measureBits!.forColumns(columns.map((c) => c.column)) : null;
      const values: unknown[] = [];
      const cases: number[] = [];
      for (let i = 0; i < sims.length; i++) {
        const s = sims[i];
        for (const row of rows(s)) {
          const v = Object.values(row);
          const start = values.length;
          for (let c = 0; c < columns.length; c++) {
            const x = at[c] >= 0 ? v[at[c]] : extras[c]?.(s);
            values.push(x === null || x === undefined ? null : kinds[c] === 0 ? x : stored(x, kinds[c]));
          }
          if (bitsOf) values.push(bitsOf(values, start));
          cases.push(i);
        }
      }
      const written = bitsOf ? [...columns, bitsColumn!] : columns;
      return { table: spec.table, properties: written.map((c) => c.property), columns: written.map((c) => c.column), values, cases };
    }),
  };
}
