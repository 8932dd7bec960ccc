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

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}
