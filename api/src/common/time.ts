import { DateTime } from 'luxon';

/** Accepts ISO 8601 times that carry an offset (`Z` or `+08:00`); a time without one is ambiguous. */
export function parseInstant(v: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) return null;
  const d = DateTime.fromISO(v, { setZone: true });
  return d.isValid ? d.toJSDate() : null;
}

/**
 * The start of a calendar day in a zone, or the start of the next day for `end` (flagged `endOfDay`
 * so that `_lte` comparisons include the whole day).
 */
export function parseDateBoundary(date: string, edge: 'start' | 'end', timeZone: string): (Date & { endOfDay?: boolean }) | null {
  const d = DateTime.fromISO(date, { zone: timeZone });
  if (!d.isValid) return null;
  if (edge === 'start') return d.startOf('day').toJSDate();
  const next = d.plus({ days: 1 }).startOf('day').toJSDate() as Date & { endOfDay?: boolean };
  next.endOfDay = true;
  return next;
}

/**
 * Zones change their offset only at a quarter hour (UTC) in the time-zone database since the 1970s, so the
 * offset found for one instant holds for its whole quarter hour: kept per zone for the last one asked.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, { quarter: number; offsetMs: number }>();

/**
 * `YYYY-MM-DD` of an instant in a zone. Every intake asks it (its number's day); luxon's offset lookup
 * (Intl formatting) cost more than the rest of the date, so it is looked up once a quarter hour per zone.
 */
export function localDate(at: Date, timeZone: string): string {
  const t = at.getTime();
  const quarter = Math.floor(t / QUARTER_HOUR_MS);
  let known = offsets.get(timeZone);
  if (known?.quarter !== quarter) {
    const dt = DateTime.fromMillis(t, { zone: timeZone });
    if (!dt.isValid) return dt.toISODate()!;
    known = { quarter, offsetMs: dt.offset * 60_000 };
    offsets.set(timeZone, known);
  }
  return new Date(t + known.offsetMs).toISOString().slice(0, 10);
}

/** The decimal number written in `s` from `from` to `to` (digits only, else NaN): dates read field by field. */
export function digitsAt(s: string, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    x = x * 10 + d;
  }
  return x;
}

/**
 * Milliseconds since the epoch of a time as the database answers it in raw rows: a Date (PostgreSQL), or
 * SQLite's UTC text `2026-10-15 01:02:03.456` (read field by field: a report reads tens of thousands,
 * and parsing each as a date string cost more than the query), or any text `Date` parses.
 */
export function instantMs(v: Date | string): number {
  if (v instanceof Date) return v.getTime();
  const fraction = v.length >= 21 && v.length <= 23 && v[19] === '.';
  if ((v.length === 19 || fraction) && v[4] === '-' && v[7] === '-' && v[10] === ' ' && v[13] === ':' && v[16] === ':') {
    const n = (from: number, to: number) => digitsAt(v, from, to);
    const ms = fraction ? n(20, v.length) * 10 ** (23 - v.length) : 0;
    const t = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19), ms);
    if (!Number.isNaN(t)) return t;
  }
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`).getTime();
}

/** An instant (a Date, or a raw row's time) as ISO 8601 to the second with the zone's offset: `2026-10-15T09:30:00+08:00`. */
export function isoInZone(v: Date | string, timeZone: string): string {
  return DateTime.fromMillis(instantMs(v), { zone: timeZone }).startOf('second').toISO({ suppressMilliseconds: true })!;
}
