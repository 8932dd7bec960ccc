import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';

/**
 * The mainland China working-day calendar: weekends off, public holidays off, 调休 make-up days on,
 * from the `chinese-days` package, with local corrections (`calendar-days`) taking precedence.
 * Pure: the corrections are handed in, nothing here reads the database.
 */
export class WorkCalendar {
  private readonly workdayEnds = new Map<string, number>();

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
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1 (got ${n})`);
    let d = DateTime.fromISO(date, { zone: 'UTC' });
    let left = n;
    // Bounded: no stretch of the calendar has more than a few dozen days off in a row.
    for (let guard = 0; guard < n * 10 + 366; guard++) {
      d = d.plus({ days: 1 });
      if (this.isWorkday(d.toISODate()!) && --left === 0) return d.toISODate()!;
    }
    throw new RangeError(`no ${n} working days found after ${date}`);
  }

  /** Working days in (from, to], i.e. counted after the day of `from` up to and including `to`. */
  workdaysBetween(from: string, to: string): number {
    let d = DateTime.fromISO(from, { zone: 'UTC' });
    const end = DateTime.fromISO(to, { zone: 'UTC' });
    let n = 0;
    while (d < end) {
      d = d.plus({ days: 1 });
      if (this.isWorkday(d.toISODate()!)) n++;
    }
    return n;
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
