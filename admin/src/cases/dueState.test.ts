import { describe, expect, it } from 'vitest';
import { dueBadgeState, spanParts } from './dueState';

const now = new Date('2026-11-22T12:00:00Z');
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();

describe('dueBadgeState', () => {
  it('is green beyond 24 hours, yellow within, red once past', () => {
    expect(dueBadgeState(inHours(24.5), null, now)).toBe('green');
    expect(dueBadgeState(inHours(24), null, now)).toBe('yellow');
    expect(dueBadgeState(inHours(0), null, now)).toBe('yellow');
    expect(dueBadgeState(inHours(-0.01), null, now)).toBe('red');
  });
  it('once the step happened: done in time, or late', () => {
    expect(dueBadgeState(inHours(-5), inHours(-6), now)).toBe('done');
    expect(dueBadgeState(inHours(-5), inHours(-5), now)).toBe('done');
    expect(dueBadgeState(inHours(-5), inHours(-4), now)).toBe('late');
  });
  it('nothing when there is no due time', () => {
    expect(dueBadgeState(null, null, now)).toBeNull();
  });
  it('splits a span into days, hours and minutes', () => {
    expect(spanParts(-(2 * 24 + 3) * 3_600_000 - 5 * 60_000)).toEqual({ days: 2, hours: 3, minutes: 5 });
  });
});
