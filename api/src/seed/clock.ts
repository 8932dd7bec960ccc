import { DateTime } from 'luxon';
import { dateOfDay, dayNumber, type WorkCalendar } from '../calendar/work-calendar.js';
import { dueAt, type Limit } from '../workflow/time-limits.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Zone offsets are whole quarter hours, so the local date and hour are constant within one. */
const BUCKET = 15 * MINUTE;

/**
 * Local dates, hours and due times for the generator, memoized: a million cases ask these questions
 * tens of millions of times. Due times are `dueAt` itself (what intake computes); a working-day limit
 * depends only on the local date of its start, whose end the calendar keeps.
 */
export class SeedClock {
  private readonly locals = new Map<number, { date: string; hour: number }>();
  private readonly offsets = new Map<number, number>();
  private readonly dates = new Map<number, string>();
  /** Per local day number and amount: when that many working days after it end. */
  private readonly workdayEnds = new Map<number, number>();

  constructor(
    readonly calendar: WorkCalendar,
    readonly timeZone: string,
  ) {}

  /**
   * The zone's offset (ms) throughout one UTC day, or NaN when it changes within it (a daylight-saving
   * switch): the local date and hour are then plain arithmetic, and luxon is asked twice a day, not once
   * per quarter hour (its zone lookups were a tenth of the generator's time).
   */
  private offsetOf(day: number): number {
    let off = this.offsets.get(day);
    if (off === undefined) {
      const at = (t: number) => DateTime.fromMillis(t, { zone: this.timeZone }).offset * MINUTE;
      const start = at(day * DAY);
      off = start === at(day * DAY + DAY - 1) ? start : NaN;
      this.offsets.set(day, off);
    }
    return off;
  }

  private local(t: number) {
    const bucket = Math.floor(t / BUCKET);
    let hit = this.locals.get(bucket);
    if (!hit) {
      const d = DateTime.fromMillis(bucket * BUCKET, { zone: this.timeZone });
      hit = { date: d.toISODate()!, hour: d.hour };
      this.locals.set(bucket, hit);
    }
    return hit;
  }

  /** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
  private dateOf(day: number): string {
    let date = this.dates.get(day);
    if (date === undefined) {
      date = dateOfDay(day);
      this.dates.set(day, date);
    }
    return date;
  }

  /** `YYYY-MM-DD` in the zone. */
  localDate(t: number): string {
    const off = this.offsetOf(Math.floor(t / DAY));
    return off === off ? this.dateOf(Math.floor((t + off) / DAY)) : this.local(t).date;
  }

  localHour(t: number): number {
    const off = this.offsetOf(Math.floor(t / DAY));
    if (off !== off) return this.local(t).hour;
    const lt = t + off;
    return Math.floor((lt - Math.floor(lt / DAY) * DAY) / HOUR);
  }

  /** The instant a local day starts. */
  dayStart(date: string): number {
    return DateTime.fromISO(date, { zone: this.timeZone }).startOf('day').toMillis();
  }

  /** The local date `n` days after `date` (negative: before). */
  shiftDate(date: string, n: number): string {
    return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: n }).toISODate()!;
  }

  isWorkday(date: string): boolean {
    return this.calendar.isWorkday(date);
  }

  /** When a limit started at `start` ends: exactly `dueAt` of workflow/time-limits.ts. */
  due(start: number, limit: Limit): number {
    if (limit.unit === 'hours') return dueAt(new Date(start), limit, this.calendar, this.timeZone).getTime();
    const off = this.offsetOf(Math.floor(start / DAY));
    if (off !== off || !Number.isInteger(limit.amount) || limit.amount < 1 || limit.amount > 1000) return this.calendar.endOfWorkdays(this.localDate(start), limit.amount, this.timeZone);
    const day = Math.floor((start + off) / DAY);
    const key = day * 1024 + limit.amount;
    let end = this.workdayEnds.get(key);
    if (end === undefined) {
      end = this.endOfWorkdays(day, limit.amount);
      this.workdayEnds.set(key, end);
    }
    return end;
  }

  /**
   * `calendar.endOfWorkdays` of a local day number: the calendar's Nth working day after it, and its end
   * (the next local midnight, less 1 ms) from the zone's offset where that is constant around it (luxon
   * otherwise).
   */
  private endOfWorkdays(day: number, n: number): number {
    const d = this.calendar.nthWorkdayAfter(day, n);
    const off = this.offsetOf(d);
    if (off === off && off === this.offsetOf(d + 1)) return (d + 1) * DAY - off - 1;
    return this.calendar.endOfWorkdays(this.dateOf(day), n, this.timeZone);
  }

  /** Working days after the local day of `from` up to and including that of `to`, as `calendar.workdaysBetween` counts. */
  workdaysBetween(from: number, to: number): number {
    return this.calendar.workdaysBetweenDays(this.localDay(from), this.localDay(to));
  }

  /** The local day number of an instant (days since 1970-01-01 in the zone). */
  private localDay(t: number): number {
    const off = this.offsetOf(Math.floor(t / DAY));
    return off === off ? Math.floor((t + off) / DAY) : dayNumber(this.local(t).date);
  }

  /** An approved extension of `days` working days: the end of the Nth working day after the old due date. */
  extend(resolveDue: number, days: number): number {
    return this.due(resolveDue, { amount: days, unit: 'workdays' });
  }

  /** Moves a time at night (before 08:00 or from 21:00) to the next morning, for phone calls and visits. */
  daytime(t: number, jitter: number): number {
    const h = this.localHour(t);
    if (h < 8) return t + (8 - h) * HOUR + jitter;
    if (h >= 21) return t + (32 - h) * HOUR + jitter;
    return t;
  }
}
