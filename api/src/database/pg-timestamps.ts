/**
 * PostgreSQL's `timestamptz` text (`2026-12-01 16:00:00.123+00`, as the server sends it with its default
 * DateStyle) read into a Date without the driver's general parser (postgres-date: three regular expressions and a
 * Date made twice per value). Every case row holds a dozen timestamps and a report reads thousands of them: the
 * general parser was 7–8 ms of the daily report's Node time (1M cases, a day's 3,500 cases, loaded machine).
 * Anything not in that exact shape (BC, infinity, years past 9999, another DateStyle) goes to the general parser.
 */
import { digitsAt } from '../common/time.js';

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), without a Date made for it. */
function daysFromCivil(y: number, m: number, d: number): number {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function parseTimestamptz(s: string, general: (s: string) => unknown): unknown {
  if (s.length < 22 || s[4] !== '-' || s[7] !== '-' || s[10] !== ' ' || s[13] !== ':' || s[16] !== ':') return general(s);
  let i = 19;
  let ms = 0;
  if (s[i] === '.') {
    // Milliseconds, the rest truncated (as Date keeps them).
    for (let scale = 100; ++i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; scale /= 10) if (scale >= 1) ms += (s.charCodeAt(i) - 48) * scale;
  }
  const sign = s[i] === '+' ? 1 : s[i] === '-' ? -1 : 0;
  // The offset: +HH, +HH:MM or +HH:MM:SS, and nothing after it.
  const rest = s.length - i - 1;
  if (!sign || (rest !== 2 && rest !== 5 && rest !== 8)) return general(s);
  const oh = digitsAt(s, i + 1, i + 3);
  const om = rest >= 5 && s[i + 3] === ':' ? digitsAt(s, i + 4, i + 6) : rest >= 5 ? NaN : 0;
  const os = rest === 8 && s[i + 6] === ':' ? digitsAt(s, i + 7, i + 9) : rest === 8 ? NaN : 0;
  const year = digitsAt(s, 0, 4);
  // Years 0–99 would be read as 1900–1999 by Date.UTC: the general parser handles them.
  if (year < 100) return general(s);
  const t = (daysFromCivil(year, digitsAt(s, 5, 7), digitsAt(s, 8, 10)) * 86400 + digitsAt(s, 11, 13) * 3600 + digitsAt(s, 14, 16) * 60 + digitsAt(s, 17, 19) - sign * ((oh * 60 + om) * 60 + os)) * 1000 + ms;
  return Number.isNaN(t) ? general(s) : new Date(t);
}
