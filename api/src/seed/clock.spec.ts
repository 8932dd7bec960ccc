import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { dueAt } from '../workflow/time-limits.js';
import { DAY, HOUR, SeedClock } from './clock.js';
import { Random } from './random.js';

/** The generator's clock answers as luxon, `dueAt` and the calendar do, in zones with and without daylight saving. */
describe('seed clock', () => {
  const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'];
  const corrections = new Map([
    ['2026-03-14', true],
    ['2026-06-01', false],
  ]);
  const from = Date.parse('2025-01-01T00:00:00Z');
  const span = 3 * 365 * DAY;

  for (const zone of zones) {
    it(`knows local dates, hours, due times and working days as intake does (${zone})`, () => {
      const calendar = new WorkCalendar(corrections);
      const clock = new SeedClock(new WorkCalendar(corrections), zone);
      const rng = new Random(zone.length);
      for (let i = 0; i < 800; i++) {
        // Some instants right at local midnights and daylight-saving switches, most anywhere.
        const t = i % 4 === 0 ? DateTime.fromMillis(from + rng.next() * span, { zone }).startOf('day').toMillis() + rng.int(-2, 2) * HOUR : Math.floor(from + rng.next() * span);
        const local = DateTime.fromMillis(t, { zone });
        assert.equal(clock.localDate(t), local.toISODate(), `date of ${new Date(t).toISOString()}`);
        assert.equal(clock.localHour(t), local.hour, `hour of ${new Date(t).toISOString()}`);
        const limit = i % 5 === 0 ? { amount: rng.between(1, 72), unit: 'hours' as const } : { amount: rng.int(1, 30), unit: 'workdays' as const };
        assert.equal(clock.due(t, limit), dueAt(new Date(t), limit, calendar, zone).getTime(), `${limit.amount} ${limit.unit} from ${new Date(t).toISOString()}`);
        const to = t + rng.next() * 60 * DAY;
        assert.equal(clock.workdaysBetween(t, to), calendar.workdaysBetween(local.toISODate()!, DateTime.fromMillis(to, { zone }).toISODate()!));
      }
    });
  }
});
