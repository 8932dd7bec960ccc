import { describe, expect, it } from 'vitest';
import { shortTime } from '../reports/format';
import { barHeights, recentMonths } from './watchFormat';

describe('the watch pages’ figures', () => {
  it('draws each month against the busiest, and nothing when nothing was asked', () => {
    expect(barHeights([0, 2, 4, 1])).toEqual([0, 0.5, 1, 0.25]);
    expect(barHeights([0, 0, 0])).toEqual([0, 0, 0]);
  });
  it('offers the months back from this one, across a new year', () => {
    expect(recentMonths('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });
  it('shows a request’s time in the city’s zone', () => {
    expect(shortTime('2026-11-04T16:34:41.000Z')).toBe('11/05 00:34');
  });
});
