import { DateTime } from 'luxon';
import type { WorkCalendar } from '../calendar/work-calendar.js';
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
  /** Working days counted from `rankFrom` (a UTC day number) up to each day after it: a span is a difference of two. */
  private ranks = new Int32Array(0);
  private rankFrom = 0;

  constructor(
    readonly calendar: WorkCalendar,
    readonly timeZone: string,
  ) {}

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

  /** `YYYY-MM-DD` in the zone. */
  localDate(t: number): string {
    return this.local(t).date;
  }

  localHour(t: number): number {
    return this.local(t).hour;
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
    return this.calendar.endOfWorkdays(this.localDate(start), limit.amount, this.timeZone);
  }

  /**
   * Working days after the local day of `from` up to and including that of `to`: what
   * `calendar.workdaysBetween` counts, as a difference of running counts instead of a walk per case.
   */
  workdaysBetween(from: number, to: number): number {
    const a = Date.parse(this.localDate(from)) / DAY;
    const b = Date.parse(this.localDate(to)) / DAY;
    return b <= a ? 0 : this.rank(b) - this.rank(a);
  }

  private rank(day: number): number {
    if (day < this.rankFrom || day >= this.rankFrom + this.ranks.length) {
      // Grow the table to cover the day with a year's margin either side, counting with the calendar itself.
      const from = Math.min(day, this.ranks.length ? this.rankFrom : day) - 366;
      const to = Math.max(day, this.ranks.length ? this.rankFrom + this.ranks.length : day) + 366;
      this.ranks = new Int32Array(to - from);
      this.rankFrom = from;
      for (let i = 1; i < this.ranks.length; i++) this.ranks[i] = this.ranks[i - 1] + (this.calendar.isWorkday(new Date((from + i) * DAY).toISOString().slice(0, 10)) ? 1 : 0);
    }
    return this.ranks[day - this.rankFrom];
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
