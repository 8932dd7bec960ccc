import { DateTime } from 'luxon';

/** How a column's values are written: the type decides the Excel number format and the CSV text. */
export type ColumnType = 'text' | 'number' | 'percent' | 'datetime';

/** Excel refuses (and "repairs" away) cells longer than this. */
const XLSX_MAX_TEXT = 32_767;

/** Text that Excel would run as a formula when it opens a CSV (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function toDate(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

function toNumber(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/**
 * Files are read by people: hours, working days and scores to one decimal, rates to 0.1 % (a fraction to
 * three places); counts are whole and stay so. The JSON reports keep full precision.
 */
const PLACES: Partial<Record<ColumnType, number>> = { number: 1, percent: 3 };

function rounded(v: unknown, type: ColumnType): number | null {
  const n = toNumber(v);
  const factor = 10 ** (PLACES[type] ?? 0);
  return n === null || PLACES[type] === undefined ? n : Math.round(n * factor) / factor;
}

/** Plain words for what a ledger shows: yes/no as 是/否, lists joined the Chinese way. */
export function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => textOf(x) ?? '').join('、');
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

/**
 * The zone's offset from UTC at an instant, in ms. Asking the time-zone database costs ~15 µs and a case
 * row has nine times, so remember it per quarter hour: offsets change only on quarter hours (since 1901).
 */
function offsetMs(d: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(d.getTime() / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = DateTime.fromJSDate(d, { zone: timeZone }).offset * 60_000;
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * Excel times have no zone: a cell holds a wall-clock reading. exceljs turns a Date into that reading
 * through its UTC fields, so shift the instant by the zone's offset at that moment.
 */
function wallClock(d: Date, timeZone: string): Date {
  return new Date(d.getTime() + offsetMs(d, timeZone));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-23 09:30`: an instant as the clock on the wall reads it in the deployment's zone. */
export function localDateTime(v: unknown, timeZone: string): string | null {
  const d = toDate(v);
  if (!d) return null;
  const w = wallClock(d, timeZone);
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** The value of an xlsx cell: numbers stay numbers, times become Excel times, the rest text. */
export function xlsxCell(v: unknown, type: ColumnType, timeZone: string): string | number | Date | null {
  switch (type) {
    case 'number':
    case 'percent':
      return rounded(v, type);
    case 'datetime': {
      const d = toDate(v);
      return d ? wallClock(d, timeZone) : null;
    }
    default: {
      const s = textOf(v);
      return s === null ? null : s.slice(0, XLSX_MAX_TEXT);
    }
  }
}

/** The text of a CSV field, as a person reads it: `85.3%`, `2026-11-23 09:30`, `是`. */
export function csvCell(v: unknown, type: ColumnType, timeZone: string): string {
  switch (type) {
    case 'number': {
      const n = rounded(v, type);
      return n === null ? '' : String(n);
    }
    case 'percent': {
      const n = toNumber(v);
      return n === null ? '' : `${(n * 100).toFixed(1)}%`;
    }
    case 'datetime':
      return localDateTime(v, timeZone) ?? '';
    default: {
      const s = textOf(v) ?? '';
      // A title typed by a resident must not become a formula in the clerk's spreadsheet.
      return FORMULA_START.test(s) ? `'${s}` : s;
    }
  }
}

/** Excel's display of each type: times to the minute, rates as percentages. */
export const NUMBER_FORMAT: Partial<Record<ColumnType, string>> = {
  datetime: 'yyyy-mm-dd hh:mm',
  percent: '0.0%',
};

/** A width that fits the header and a typical value, in Excel's character units. */
export function defaultWidth(type: ColumnType, header: string): number {
  const forHeader = [...header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) + 2;
  const forValue = type === 'datetime' ? 17 : type === 'text' ? 12 : 10;
  return Math.max(forHeader, forValue);
}
