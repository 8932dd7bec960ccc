import { DateTime } from 'luxon';
import type { ResolveUnit } from '../categories/category.entity.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { dueAt } from './time-limits.js';

/**
 * How much a pause from `from` to `to` gives back to a clock measured in `unit`. An hours clock gets the time
 * itself. A working-days clock gets the working days the pause took, counted as limits count them: after the
 * day it began, up to and including the day it ended (paused Tuesday 10:00 to Thursday 10:00 gives back two;
 * paused and resumed the same day, none; a pause over a holiday gives back only the working days in it, and a
 * 调休 Saturday in it is one). So a working-day due time stays at 24:00 of a working day.
 */
export function pauseAllowance(unit: ResolveUnit, from: Date, to: Date, calendar: WorkCalendar, timeZone: string): number {
  if (unit === 'hours') return Math.max(0, to.getTime() - from.getTime()) / 3_600_000;
  const day = (t: Date) => DateTime.fromJSDate(t, { zone: timeZone }).toISODate()!;
  return calendar.workdaysBetween(day(from), day(to));
}

/** A due time moved on by an allowance in the clock's unit (hours, or whole working days): the limits' own rule. */
export function movedDue(due: Date, unit: ResolveUnit, allowance: number, calendar: WorkCalendar, timeZone: string): Date {
  return allowance <= 0 ? due : dueAt(due, { amount: allowance, unit }, calendar, timeZone);
}
