import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a date, `YYYY-MM-DD` or `YYYYMMDD` (the day of a case number, as intake has it). */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The mainland China working-day calendar: weekends off, public holidays off, 调休 make-up days on,
 * from the `chinese-days` package, with local corrections (`calendar-days`) taking precedence.
 * Pure: the corrections are handed in, nothing here reads the database.
 */
export class WorkCalendar {
  private readonly workdayEnds = new Map<string, number>();
  /**
   * Working days counted from `rankFrom` (a day number) up to each day after it, so that "working days
   * between" is a difference of two and "the Nth working day after" a short scan, not a walk through the
   * package per question (every generated case asks several). Grown on demand, a year's margin either side.
   */
  private ranks = new Int32Array(0);
  private rankFrom = 0;

  constructor(private readonly overrides: ReadonlyMap<string, boolean> = new Map()) {}

  /**
   * The instant N working days after the local day `date` end (24:00 of the Nth working day, in
   * `timeZone`), in ms. Asked for by every intake and every generated case: kept per day, amount and zone,
   * since the calendar of one instance never changes.
   */
  endOfWorkdays(date: string, n: number, timeZone: string): number {
    const key = `${date}|${n}|${timeZone}`;
    let end = this.workdayEnds.get(key);
    if (end === undefined) {
      end = DateTime.fromISO(this.addWorkdays(date, n), { zone: timeZone }).endOf('day').toMillis();
      this.workdayEnds.set(key, end);
    }
    return end;
  }

  isWorkday(date: string): boolean {
    const local = this.overrides.get(date);
    if (local !== undefined) return local;
    return chineseDays.isWorkday(date);
  }

  /** The Nth working day strictly after `date` (both `YYYY-MM-DD`). */
  addWorkdays(date: string, n: number): string {
    return dateOfDay(this.nthWorkdayAfter(dayNumber(date), n));
  }

  /** The Nth working day strictly after a day number, as a day number. */
  nthWorkdayAfter(day: number, n: number): number {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1 (got ${n})`);
    // Bounded: no stretch of the calendar has more than a few dozen days off in a row.
    const last = day + n * 10 + 366;
    this.rank(last);
    const target = this.rank(day) + n; // after making room for `last`, so both are read from one table
    // Ranks never fall and rise by at most one a day: the first day that reaches the target is a working day.
    let lo = day + 1;
    let hi = last;
    if (this.rank(hi) < target) throw new RangeError(`no ${n} working days found after ${dateOfDay(day)}`);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rank(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Working days in (from, to], i.e. counted after the day of `from` up to and including `to`. */
  workdaysBetween(from: string, to: string): number {
    return this.workdaysBetweenDays(dayNumber(from), dayNumber(to));
  }

  /** The same between day numbers. */
  workdaysBetweenDays(from: number, to: number): number {
    if (to <= from) return 0;
    // Both in the table before either is read: making room for one may rebuild it from another origin.
    this.rank(to);
    const before = this.rank(from);
    return this.rank(to) - before;
  }

  /** Working days from `rankFrom` up to and including `day`. */
  private rank(day: number): number {
    if (day < this.rankFrom || day >= this.rankFrom + this.ranks.length) {
      const from = Math.min(day, this.ranks.length ? this.rankFrom : day) - 366;
      const to = Math.max(day, this.ranks.length ? this.rankFrom + this.ranks.length : day) + 366;
      this.ranks = new Int32Array(to - from);
      this.rankFrom = from;
      for (let i = 1; i < this.ranks.length; i++) this.ranks[i] = this.ranks[i - 1] + (this.isWorkday(dateOfDay(from + i)) ? 1 : 0);
    }
    return this.ranks[day - this.rankFrom];
  }
}

/**
 * Whether the package carries the official schedule for a year. New Year's Day is a public holiday
 * every year, so a year whose 1 January the package does not name as 元旦 has no official data.
 */
export function hasOfficialData(year: number): boolean {
  const detail = chineseDays.getDayDetail(`${year}-01-01`);
  return /元旦/.test(detail?.name ?? '');
}

/** The range of years the installed package covers, scanning outward from a known year. */
export function officialYears(around = 2025): { from: number; to: number } {
  let from = around;
  let to = around;
  while (hasOfficialData(from - 1)) from--;
  while (hasOfficialData(to + 1)) to++;
  return { from, to };
}
