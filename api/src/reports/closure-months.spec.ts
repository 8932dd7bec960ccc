import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { monthsOf } from './closure-times.js';

/**
 * A long period split for the closure rollups: every local day of the period counted exactly once (its
 * months, plus the spans added, minus the spans taken away), nothing outside it, and at most half a month
 * read from the cases at either end.
 */
describe('closure times: a long period as months and end spans', () => {
  it('counts each day of the period once and no other day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 62, max: 500 }), fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'), (startDay, length, zone) => {
        const a = DateTime.fromISO('2024-01-01', { zone }).plus({ days: startDay });
        const b = a.plus({ days: length });
        const split = monthsOf(a.toJSDate(), b.toJSDate(), zone);
        assert.ok(split, 'a period of 62 days or more has a whole month');
        const [firstMonth, lastMonth] = [DateTime.fromISO(split.months.from, { zone }), DateTime.fromISO(split.months.to, { zone }).plus({ months: 1 })];
        for (let d = a.startOf('month').minus({ days: 3 }); d < b.plus({ months: 1 }); d = d.plus({ days: 1 })) {
          let counted = d >= firstMonth && d < lastMonth ? 1 : 0;
          for (const e of split.edges) if (+d >= +e.start && +d < +e.end) counted += e.sign;
          assert.equal(counted, d >= a && d < b ? 1 : 0, `${zone} ${a.toISODate()}..${b.toISODate()}: day ${d.toISODate()}`);
        }
        for (const e of split.edges) assert.ok(Math.round((+e.end - +e.start) / 86_400_000) <= 16, `at most half a month read at an end`);
      }),
      { numRuns: 300 },
    );
  });
});
