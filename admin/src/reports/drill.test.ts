import { describe, expect, it } from 'vitest';
import { casesPath, countFilter, hotTopicFilter, idsFilter, narrow, RATE_PARTS, reportQuery, subtreeIds, withMeasure } from './drill';

const base = { receivedAt_gte: '2026-10-25', receivedAt_lte: '2026-11-23', unitId: 5 };

describe('drill-down filters', () => {
  it('a count is the row filter plus the measure it counts; the row total is the filter itself', () => {
    expect(countFilter(base, 'respondedOnTime')).toEqual({ ...base, measure: 'responded_on_time' });
    expect(countFilter(base, 'onTime')).toEqual({ ...base, measure: 'closed_on_time' });
    expect(countFilter(base, 'reopenBase')).toEqual({ ...base, measure: 'reopen_base' });
    expect(countFilter(base, 'cases')).toEqual(base);
  });
  it('a filter that already names a measure keeps it: all must hold', () => {
    expect(withMeasure({ ...base, measure: 'closed' }, 'closed_on_time').measure).toEqual(['closed', 'closed_on_time']);
    expect(withMeasure({ measure: ['valid', 'closed'] }, 'satisfied').measure).toEqual(['valid', 'closed', 'satisfied']);
    expect(withMeasure({ measure: 'closed' }, 'closed').measure).toBe('closed');
    expect(withMeasure(base)).toEqual(base);
  });
  it('does not change the row filter it was given', () => {
    const row = { ...base };
    countFilter(row, 'closed');
    expect(row).toEqual(base);
  });
  it('every rate drills into its numerator and its denominator, both counts of the same row', () => {
    expect(RATE_PARTS.responseRate).toEqual(['respondedOnTime', 'responseDue']);
    expect(RATE_PARTS.satisfactionRate).toEqual(['followUpsSatisfied', 'followUps']);
    // Follow-up tallies drill into the cases with such a call.
    expect(countFilter(base, 'followUpsSatisfied').measure).toBe('satisfied');
    expect(countFilter(base, 'followUps').measure).toBe('followed_up');
    expect(Object.keys(RATE_PARTS).sort()).toEqual(['directRate', 'onTimeRate', 'reopenRate', 'repeatRate', 'resolutionRate', 'responseRate', 'returnRate', 'satisfactionRate']);
  });
  it('a breakdown row narrows the filter; a hot spot lists its cases by id', () => {
    expect(narrow({ receivedAt_gte: '2026-11-23', group: 'online' }, { channelId: 7 })).toEqual({ receivedAt_gte: '2026-11-23', group: 'online', channelId: 7 });
    expect(idsFilter([3, 9, 12])).toEqual({ id: [3, 9, 12] });
  });
  it('writes the case-list address react-admin reads, with an optional sort', () => {
    const path = casesPath({ status: ['received'], overdue: true }, { field: 'resolveDueAt', order: 'ASC' });
    const q = new URLSearchParams(path.split('?')[1]);
    expect(path.startsWith('/cases?')).toBe(true);
    expect(JSON.parse(q.get('filter')!)).toEqual({ status: ['received'], overdue: true });
    expect([q.get('sort'), q.get('order')]).toEqual(['resolveDueAt', 'ASC']);
  });
  it('report parameters leave out what is not set, the same for JSON and files', () => {
    expect(reportQuery({ from: '2026-11-01', to: '2026-11-23', unitId: undefined, groupBy: 'grid' })).toBe('from=2026-11-01&to=2026-11-23&groupBy=grid');
    expect(reportQuery({ date: '2026-11-23', unitId: 4 })).toBe('date=2026-11-23&unitId=4');
  });
});

describe('daily report drill-down', () => {
  const categories = [
    { id: 1, path: '/1/' },
    { id: 5, path: '/1/5/' },
    { id: 12, path: '/1/5/12/' },
    { id: 2, path: '/2/' },
    { id: 21, path: '/2/21/' },
    { id: 11, path: '/11/' },
  ];
  it("a category's subtree is itself and everything under it, not a namesake id prefix", () => {
    expect(subtreeIds(categories, 1)).toEqual([1, 5, 12]);
    expect(subtreeIds(categories, 5)).toEqual([5, 12]);
    expect(subtreeIds(categories, 11)).toEqual([11]);
  });
  it("a hot topic is the day's hotline and online cases of its category subtree", () => {
    const day = { receivedAt_gte: '2026-11-23', receivedAt_lte: '2026-11-23' };
    const filters = { calls: { ...day, channelId: [1] }, online: { ...day, channelId: [2, 3, 4] } };
    expect(hotTopicFilter(filters, [1, 5, 12])).toEqual({ ...day, channelId: [1, 2, 3, 4], categoryId: [1, 5, 12] });
  });
});
