import { DateTime } from 'luxon';
import { OPEN_STATUSES, TERMINAL_STATUSES, type CaseStatus } from '../cases/case.constants.js';
import { fieldError } from '../common/errors.js';

/** GeoReport's limit on a date range: a list covers at most 90 days of requests (or updates). */
export const WINDOW_DAYS = 90;
const DAY_MS = 24 * 3600_000;
/** `page_size` when none is given, and the most one page carries (the spec's 1000). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
export const MAX_IDS = 100;

export interface Window {
  start: Date;
  end: Date;
}

export interface Paging {
  limit: number;
  offset: number;
}

/** A parameter as text: repeated (`status=open&status=closed`) it is a comma list; an object (`a[x]=1`) is a 400. */
export function textParam(field: string, v: unknown): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(',');
  throw fieldError(field, 'text');
}

/** An ISO 8601 time (with its offset; one without is read in the server's TIME_ZONE) or a date (its start). */
function instant(field: string, v: unknown, timeZone: string): Date | undefined {
  const text = textParam(field, v);
  if (text === undefined) return undefined;
  const d = DateTime.fromISO(text, { zone: timeZone });
  if (!d.isValid) throw fieldError(field, 'open311BadDate');
  return d.toJSDate();
}

/**
 * `start_date`/`end_date`: at most 90 days apart; one alone reaches 90 days from it; neither, the last 90 days.
 */
export function dateWindow(q: Record<string, unknown>, timeZone: string, now = new Date()): Window {
  const start = instant('start_date', q.start_date, timeZone);
  const end = instant('end_date', q.end_date, timeZone);
  const window = WINDOW_DAYS * DAY_MS;
  const w = start && end ? { start, end } : start ? { start, end: new Date(start.getTime() + window) } : end ? { start: new Date(end.getTime() - window), end } : { start: new Date(now.getTime() - window), end: now };
  if (w.end < w.start || w.end.getTime() - w.start.getTime() > window) throw fieldError('end_date', 'open311Window', { days: WINDOW_DAYS });
  return w;
}

function positive(field: string, v: unknown, fallback: number, max: number): number {
  const text = textParam(field, v);
  if (text === undefined) return fallback;
  const n = /^[0-9]{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= max)) throw fieldError(field, 'open311Number', { max });
  return n;
}

/** The `page`/`page_size` extension: pages from 1, 100 a page unless asked, 1000 at most. */
export function paging(q: Record<string, unknown>): Paging {
  const size = positive('page_size', q.page_size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const page = positive('page', q.page, 1, 1_000_000);
  return { limit: size, offset: (page - 1) * size };
}

/** `status=open`, `closed` or `open,closed` → the case statuses they cover; undefined for all. */
export function statuses(v: unknown): CaseStatus[] | undefined {
  const text = textParam('status', v);
  if (text === undefined) return undefined;
  const asked = text.split(',').map((s) => s.trim().toLowerCase());
  if (asked.some((s) => s !== 'open' && s !== 'closed')) throw fieldError('status', 'open311Status');
  return [...(asked.includes('open') ? OPEN_STATUSES : []), ...(asked.includes('closed') ? TERMINAL_STATUSES : [])];
}

/** `service_request_id=a,b,c` (at most 100), or undefined. */
export function requestIds(v: unknown): string[] | undefined {
  const text = textParam('service_request_id', v);
  if (text === undefined) return undefined;
  const ids = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  if (ids.length > MAX_IDS) throw fieldError('service_request_id', 'open311TooManyIds', { max: MAX_IDS });
  return ids;
}
