import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { fieldError } from './errors.js';
import { MAX_ID } from './ids.js';
import { words, type Params } from './localize.js';
import type { MessageKey } from './messages.js';
import { refuseMasked, type MaskedFields } from './masked-fields.js';
import { parseDateBoundary, parseInstant } from './time.js';

/**
 * The react-admin `ra-data-simple-rest` list contract, parsed in one place for every resource:
 * `sort=["field","ASC"]`, `range=[0,24]`, `filter={...}` with equality, arrays as IN,
 * suffixes `_gte _lte _gt _lt _neq`, and `q` for keyword search. Fields are whitelisted per resource.
 */
export type FieldType = 'int' | 'number' | 'string' | 'boolean' | 'instant' | 'date';
export type Operator = 'eq' | 'in' | 'gte' | 'lte' | 'gt' | 'lt' | 'neq';

export interface FieldSpec {
  type: FieldType;
  /** Allowed values for an enumerated string field. */
  values?: readonly string[];
  sortable?: boolean;
  /** Defaults to true. */
  filterable?: boolean;
}

export interface ListContext {
  timeZone: string;
  now: Date;
  /** Fields this caller sees masked in the answer (common/masked-fields.ts); left out, nothing is masked. */
  masked?: MaskedFields;
}

export type CustomFilter<C extends ListContext> = (qb: SelectQueryBuilder<any>, value: unknown, ctx: C, param: ParamNamer) => void;

export interface ListSpec<C extends ListContext = ListContext> {
  /** Query builder alias of the main entity. */
  alias: string;
  fields: Record<string, FieldSpec>;
  /** Keyword search (`q`). */
  search?: (qb: SelectQueryBuilder<any>, term: string, param: ParamNamer, ctx: C) => void;
  /** Filters that are not plain columns (`unitId` subtree, `overdue`, `mine`...). */
  custom?: Record<string, CustomFilter<C>>;
  defaultSort: [string, 'ASC' | 'DESC'];
  /**
   * Fields that break ties of the sort column, in the same direction, before `id`: a sort by a column with
   * many equal values (a category, a unit) then follows an index that ends with them, `(category_id,
   * received_at)`, instead of sorting a whole category's rows to order them by id.
   */
  tieBreak?: string[];
  /** The largest page one request may ask for. */
  maxPage?: number;
  /**
   * How many records match, from something kept up to date rather than by counting rows, when the
   * query is one it can answer; null otherwise (then the rows are counted). `qb` is the list's own
   * query, as the filters and search built it.
   */
  fastCount?: (m: EntityManager, parsed: ParsedListQuery, ctx: C, qb: SelectQueryBuilder<any>) => Promise<number | null>;
}

export interface RawListQuery {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

export interface Condition {
  field: string;
  op: Operator;
  value: unknown;
}

export interface ParsedListQuery {
  sort: [string, 'ASC' | 'DESC'];
  offset: number;
  limit: number;
  conditions: Condition[];
  custom: [string, unknown][];
  q?: string;
}

export type ParamNamer = (value: unknown) => string;

const SUFFIXES: Operator[] = ['gte', 'lte', 'gt', 'lt', 'neq'];
export const DEFAULT_MAX_PAGE = 1000;

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw fieldError(name, 'jsonString');
  try {
    return JSON.parse(raw);
  } catch {
    throw fieldError(name, 'invalidJson');
  }
}

export function parseListQuery(raw: RawListQuery, spec: ListSpec<any>, timeZone: string, masked?: MaskedFields): ParsedListQuery {
  const sortRaw = parseJson('sort', raw.sort);
  let sort = spec.defaultSort;
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string') throw fieldError('sort', 'sortShape');
    const [field, order] = sortRaw;
    refuseMasked(masked, 'sort', field, 'sort');
    const f = ownField(spec, field);
    if (!f || f.sortable === false) throw fieldError('sort', 'sortField', { field: words('field', field), fields: words('field', sortableFields(spec)) });
    const dir = typeof order === 'string' ? order.toUpperCase() : '';
    if (dir !== 'ASC' && dir !== 'DESC') throw fieldError('sort', 'sortOrder');
    sort = [field, dir];
  }

  const maxPage = spec.maxPage ?? DEFAULT_MAX_PAGE;
  const rangeRaw = parseJson('range', raw.range);
  let offset = 0;
  let limit = Math.min(25, maxPage);
  if (rangeRaw !== undefined) {
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isInteger(n) && n >= 0) || rangeRaw[1] < rangeRaw[0]) {
      throw fieldError('range', 'rangeShape');
    }
    offset = rangeRaw[0];
    limit = rangeRaw[1] - rangeRaw[0] + 1;
    if (limit > maxPage) throw fieldError('range', 'pageTooLarge', { limit, max: maxPage });
  }

  const filterRaw = parseJson('filter', raw.filter) ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) throw fieldError('filter', 'jsonObject');
  const conditions: Condition[] = [];
  const custom: [string, unknown][] = [];
  let q: string | undefined;
  for (const [key, value] of Object.entries(filterRaw)) {
    if (value === undefined) continue;
    if (key === 'q') {
      if (typeof value !== 'string') throw fieldError('filter.q', 'text');
      if (value.trim()) q = value.trim().slice(0, 100);
      continue;
    }
    const suffix = SUFFIXES.find((s) => key.endsWith(`_${s}`));
    const field = suffix ? key.slice(0, -suffix.length - 1) : key;
    refuseMasked(masked, `filter.${key}`, field, Array.isArray(value) ? 'in' : (suffix ?? 'eq'));
    if (spec.custom && Object.hasOwn(spec.custom, key)) {
      custom.push([key, value]);
      continue;
    }
    const f = ownField(spec, field);
    if (!f || f.filterable === false) throw fieldError(`filter.${key}`, 'notAFilter', { filters: words('field', filterableKeys(spec)) });
    if (Array.isArray(value)) {
      if (suffix) throw fieldError(`filter.${key}`, 'singleValue');
      conditions.push({ field, op: 'in', value: value.map((v) => coerce(key, f, v, 'eq', timeZone)) });
    } else {
      const op = suffix ?? 'eq';
      conditions.push({ field, op, value: value === null ? null : coerce(key, f, value, op, timeZone) });
    }
  }
  return { sort, offset, limit, conditions, custom, q };
}

/**
 * A field the resource declares itself: `toString`, `__proto__` and the other names every object inherits are
 * not fields (a plain `spec.fields[name]` would find Object.prototype's and let them through to the SQL).
 */
function ownField(spec: ListSpec<any>, name: string): FieldSpec | undefined {
  return Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
}

/** A whole number as people write one: no sign but minus, no leading zeros, no `0x10`, `1e2` or spaces. */
const CANONICAL_INT = /^(0|-?[1-9][0-9]{0,15})$/;

function coerce(key: string, f: FieldSpec, v: unknown, op: Operator, timeZone: string): unknown {
  const bad = (why: MessageKey, params?: Params) => fieldError(`filter.${key}`, why, params);
  switch (f.type) {
    case 'int': {
      const n = typeof v === 'string' && CANONICAL_INT.test(v) ? Number(v) : v;
      if (!Number.isSafeInteger(n)) throw bad('wholeNumber');
      if (Math.abs(n as number) > MAX_ID) throw bad('max', { max: MAX_ID });
      return n;
    }
    case 'number': {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw bad('number');
      return n;
    }
    case 'boolean':
      if (v === true || v === 'true') return true;
      if (v === false || v === 'false') return false;
      throw bad('boolean');
    case 'string':
      if (typeof v !== 'string' && typeof v !== 'number') throw bad('text');
      if (f.values && !f.values.includes(String(v))) throw bad('oneOf', { values: words('any', f.values) });
      return String(v);
    case 'date':
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw bad('date');
      return v;
    case 'instant': {
      if (typeof v !== 'string') throw bad('instantOrDate');
      // A bare date means the whole day in the deployment's time zone: `_lte 2026-10-15` includes that day.
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
        const d = parseDateBoundary(v, op === 'lte' || op === 'gt' ? 'end' : 'start', timeZone);
        if (!d) throw bad('invalidDate');
        return d;
      }
      const d = parseInstant(v);
      if (!d) throw bad('instantOrDate');
      return d;
    }
  }
}

/** A fresh parameter namer per query: `:p0`, `:p1`, ... */
export function paramNamer(qb: SelectQueryBuilder<any>): ParamNamer {
  let i = 0;
  return (value: unknown) => {
    const name = `lq${i++}`;
    qb.setParameter(name, value);
    return `:${name}`;
  };
}

const SQL_OP: Record<Exclude<Operator, 'eq' | 'in'>, string> = { gte: '>=', lte: '<=', gt: '>', lt: '<', neq: '<>' };

export function applyListQuery<T extends ObjectLiteral, C extends ListContext>(qb: SelectQueryBuilder<T>, parsed: ParsedListQuery, spec: ListSpec<C>, ctx: C, param = paramNamer(qb)) {
  const a = spec.alias;
  for (const { field, op, value } of parsed.conditions) {
    const col = `${a}.${field}`;
    // A date-only `_lte` means "through the end of that day": compare strictly below the next day's start.
    const type = spec.fields[field].type;
    if (op === 'in') {
      const list = value as unknown[];
      if (list.length === 0) qb.andWhere('1 = 0');
      else qb.andWhere(`${col} IN (:...${param(list).slice(1)})`);
    } else if (value === null) {
      qb.andWhere(op === 'neq' ? `${col} IS NOT NULL` : `${col} IS NULL`);
    } else if (op === 'eq') {
      qb.andWhere(`${col} = ${param(value)}`);
    } else if (type === 'instant' && (op === 'lte' || op === 'gt') && value instanceof Date && (value as Date & { endOfDay?: boolean }).endOfDay) {
      qb.andWhere(`${col} ${op === 'lte' ? '<' : '>='} ${param(value)}`);
    } else {
      qb.andWhere(`${col} ${SQL_OP[op]} ${param(value)}`);
    }
  }
  for (const [key, value] of parsed.custom) spec.custom![key](qb, value, ctx, param);
  if (parsed.q && spec.search) spec.search(qb, parsed.q, param, ctx);
  const [field, dir] = parsed.sort;
  qb.orderBy(`${a}.${field}`, dir);
  for (const tie of spec.tieBreak ?? []) if (tie !== field) qb.addOrderBy(`${a}.${tie}`, dir);
  // A stable order for paging: ties broken by id.
  if (field !== 'id' && spec.fields.id) qb.addOrderBy(`${a}.id`, dir);
  qb.skip(parsed.offset).take(parsed.limit);
  return qb;
}

export const sortableFields = (spec: ListSpec<any>) => Object.entries(spec.fields).filter(([, f]) => f.sortable !== false).map(([k]) => k);
export const filterableKeys = (spec: ListSpec<any>) => [
  'q',
  ...Object.entries(spec.fields).filter(([, f]) => f.filterable !== false).map(([k]) => k),
  ...Object.keys(spec.custom ?? {}),
];

/** `Content-Range: cases 0-24/319` (ra-data-simple-rest reads the total after the slash). */
export function contentRange(resource: string, offset: number, count: number, total: number) {
  const end = count > 0 ? offset + count - 1 : offset;
  return `${resource} ${offset}-${end}/${total}`;
}
