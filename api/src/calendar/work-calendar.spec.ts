import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateOfDay, dayNumber, WorkCalendar } from './work-calendar.js';

/** The definitions, walked day by day. */
function walkAdd(cal: WorkCalendar, date: string, n: number): string {
  let day = dayNumber(date);
  for (let left = n; left > 0; ) if (cal.isWorkday(dateOfDay(++day))) left--;
  return dateOfDay(day);
}
function walkBetween(cal: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let day = dayNumber(from) + 1; day <= dayNumber(to); day++) if (cal.isWorkday(dateOfDay(day))) n++;
  return n;
}

describe('WorkCalendar', () => {
  it('counts the official calendar: 国庆 and its 调休 make-up days, 春节', () => {
    const cal = new WorkCalendar();
    assert.equal(cal.addWorkdays('2025-09-30', 1), '2025-10-09', '1–8 October 2025 off; the 11th (Saturday) is a make-up day');
    assert.equal(cal.addWorkdays('2025-10-09', 2), '2025-10-11');
    assert.equal(cal.workdaysBetween('2025-09-30', '2025-10-11'), 3);
    assert.equal(cal.workdaysBetween('2025-10-11', '2025-09-30'), 0);
    assert.equal(cal.addWorkdays('20250930', 1), '2025-10-09', 'the day as a case number has it');
    assert.ok(cal.endOfWorkdays('20250930', 1, 'Asia/Shanghai') === cal.endOfWorkdays('2025-09-30', 1, 'Asia/Shanghai'));
    assert.equal(new Date(cal.endOfWorkdays('2025-09-30', 1, 'Asia/Shanghai')).toISOString(), '2025-10-09T15:59:59.999Z');
  });

  it('answers as a walk through the days would, for dates years apart asked in any order, local corrections included', () => {
    const overrides = new Map([
      ['2026-03-02', false],
      ['2026-03-07', true],
      ['2021-06-05', true],
    ]);
    for (const corrections of [new Map<string, boolean>(), overrides]) {
      const cal = new WorkCalendar(corrections);
      let seed = 12345;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      for (let i = 0; i < 400; i++) {
        // Far apart on purpose: the counts' table is rebuilt from another origin as it grows both ways.
        const a = dateOfDay(dayNumber('2019-01-01') + Math.floor(rnd() * 3000));
        const b = dateOfDay(dayNumber(a) + Math.floor(rnd() * 90) - 10);
        const n = 1 + Math.floor(rnd() * 30);
        assert.equal(cal.addWorkdays(a, n), walkAdd(cal, a, n), `${a} + ${n}`);
        assert.equal(cal.workdaysBetween(a, b), walkBetween(cal, a, b), `${a} .. ${b}`);
      }
      // A fresh calendar asked first about a span that starts long before what it has counted.
      for (const [from, to] of [
        ['2020-01-01', '2026-01-15'],
        ['2026-01-10', '2031-06-01'],
      ]) {
        const fresh = new WorkCalendar(corrections);
        assert.equal(fresh.workdaysBetween('2026-01-10', '2026-01-20'), walkBetween(fresh, '2026-01-10', '2026-01-20'));
        assert.equal(fresh.workdaysBetween(from, to), walkBetween(fresh, from, to), `${from} .. ${to}`);
      }
    }
    const local = new WorkCalendar(overrides);
    assert.equal(local.addWorkdays('2026-03-06', 1), '2026-03-07', 'a Saturday made a working day locally');
    assert.equal(new WorkCalendar().addWorkdays('2026-03-06', 1), '2026-03-09');
    assert.equal(local.addWorkdays('2026-03-01', 1), '2026-03-03', 'a Monday given off locally');
    assert.equal(local.workdaysBetween('2026-02-27', '2026-03-09'), 7, 'the 28th (调休), 3–6 March, the local Saturday, the 9th');
  });

  it('refuses a number of working days that is not a whole number from 1', () => {
    const cal = new WorkCalendar();
    assert.throws(() => cal.addWorkdays('2026-01-05', 0), RangeError);
    assert.throws(() => cal.addWorkdays('2026-01-05', 1.5), RangeError);
  });
});
