import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yearDays } from './year-view.js';

describe("a year's working-day calendar", () => {
  const days = yearDays(2026, [{ id: 7, date: '2026-10-09', workday: false, name: '社区活动日' }]);
  const day = (date: string) => days.find((d) => d.date === date)!;

  it('lists every day of the year', () => {
    assert.equal(days.length, 365);
    assert.equal(days[0].date, '2026-01-01');
    assert.equal(days.at(-1)!.date, '2026-12-31');
  });

  it('marks official holidays and make-up working days by name, and ordinary days as neither', () => {
    assert.deepEqual(day('2026-10-01').official, { workday: false, kind: 'holiday', name: '国庆节' });
    assert.deepEqual(day('2026-10-10').official, { workday: true, kind: 'makeup', name: '国庆节' });
    assert.deepEqual(day('2026-10-13').official, { workday: true, kind: null, name: null });
    assert.deepEqual(day('2026-10-17').official, { workday: false, kind: null, name: null }, 'an ordinary Saturday');
  });

  it('applies a local correction over the official day and says which it is', () => {
    assert.equal(day('2026-10-09').official.workday, true);
    assert.equal(day('2026-10-09').workday, false);
    assert.deepEqual(day('2026-10-09').correction, { id: 7, workday: false, name: '社区活动日' });
    assert.equal(day('2026-10-13').correction, null);
  });
});
