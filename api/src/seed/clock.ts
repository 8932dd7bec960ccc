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
 * depends only on the local date of its start, so one call per date and amount is enough.
 */
export class SeedClock {
  private readonly locals = new Map<number, { date: string; hour: number }>();
  private readonly workdayDues = new Map<string, number>();

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
    const key = `${this.localDate(start)}|${limit.amount}`;
    let hit = this.workdayDues.get(key);
    if (hit === undefined) {
      hit = dueAt(new Date(start), limit, this.calendar, this.timeZone).getTime();
      this.workdayDues.set(key, hit);
    }
    return hit;
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
