import { describe, expect, it } from 'vitest';
import { addDays, dateIn, isDate, last30Days, matchingPick, quickPick, weekStart } from './period';

// 2026-11-23 01:30 in Shanghai is still 2026-11-22 in UTC: the day counted must be Shanghai's.
const EARLY_MONDAY = new Date('2026-11-22T17:30:00Z');
// Sunday 2026-11-01 23:30 in Shanghai (15:30 UTC).
const LATE_SUNDAY = new Date('2026-11-01T15:30:00Z');

describe('report periods in Asia/Shanghai', () => {
  it('today is the date in Shanghai, not in UTC or the browser zone', () => {
    expect(dateIn(EARLY_MONDAY)).toBe('2026-11-23');
    expect(dateIn(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(dateIn(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });
  it('本周 runs from Monday through today', () => {
    expect(quickPick('this_week', EARLY_MONDAY)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(quickPick('this_week', LATE_SUNDAY)).toEqual({ from: '2026-10-26', to: '2026-11-01' });
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });
  it('本月 runs from the first through today; 上月 is the whole previous month', () => {
    expect(quickPick('this_month', EARLY_MONDAY)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(quickPick('last_month', EARLY_MONDAY)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(quickPick('last_month', new Date('2026-01-15T04:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(quickPick('last_month', new Date('2028-03-10T04:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('近30天 is the API default: 30 days through today', () => {
    expect(quickPick('last_30_days', EARLY_MONDAY)).toEqual({ from: '2026-10-25', to: '2026-11-23' });
    expect(last30Days(EARLY_MONDAY)).toEqual(quickPick('last_30_days', EARLY_MONDAY));
  });
  it('recognises a quick pick from its dates, and nothing else', () => {
    expect(matchingPick({ from: '2026-11-01', to: '2026-11-23' }, EARLY_MONDAY)).toBe('this_month');
    expect(matchingPick({ from: '2026-10-01', to: '2026-10-31' }, EARLY_MONDAY)).toBe('last_month');
    expect(matchingPick({ from: '2026-11-02', to: '2026-11-23' }, EARLY_MONDAY)).toBeUndefined();
  });
  it('plain-date arithmetic crosses months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isDate('2026-11-23')).toBe(true);
    expect(isDate('2026-13-40x')).toBe(false);
    expect(isDate(undefined)).toBe(false);
  });
});
