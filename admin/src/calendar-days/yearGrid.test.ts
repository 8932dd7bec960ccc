import { describe, expect, it } from 'vitest';
import { monthWeeks, toggleOf, type YearDay } from './yearGrid';

const day = (date: string, over: Partial<YearDay> = {}): YearDay => ({ date, workday: true, official: { workday: true, kind: null, name: null }, correction: null, ...over });

describe('the working-day year view', () => {
  it('lays a month out in weeks from Monday', () => {
    // October 2026 starts on a Thursday: three blanks, then 1–4 in the first week.
    const october = Array.from({ length: 31 }, (_, i) => day(`2026-10-${String(i + 1).padStart(2, '0')}`));
    const weeks = monthWeeks(october);
    expect(weeks[0].map((d) => d?.date.slice(8) ?? null)).toEqual([null, null, null, '01', '02', '03', '04']);
    expect(weeks.at(-1)!.map((d) => d?.date.slice(8) ?? null)).toEqual(['26', '27', '28', '29', '30', '31', null]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('a click corrects an official day to its opposite, and a second click removes the correction', () => {
    expect(toggleOf(day('2026-10-09'))).toEqual({ create: { date: '2026-10-09', workday: false } });
    expect(toggleOf(day('2026-10-01', { workday: false, official: { workday: false, kind: 'holiday', name: '国庆节' } }))).toEqual({ create: { date: '2026-10-01', workday: true } });
    expect(toggleOf(day('2026-10-09', { workday: false, correction: { id: 5, workday: false, name: null } }))).toEqual({ remove: 5 });
  });
});
