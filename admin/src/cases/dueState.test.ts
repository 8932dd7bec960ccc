import { describe, expect, it } from 'vitest';
import { caseBadge, clockColor, spanParts, type ClockedCase } from './dueState';

const now = new Date('2026-11-22T12:00:00Z');
const at = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
const HOUR = 3_600_000;

/** A case received `ago` hours ago with a 24-hour response and a 7-day resolution limit. */
const received = (ago: number, extra: Partial<ClockedCase> = {}): ClockedCase => ({
  status: 'received',
  receivedAt: at(-ago),
  responseDueAt: at(24 - ago),
  resolveDueAt: at(7 * 24 - ago),
  ...extra,
});

describe('clockColor: yellow under a quarter of the limit or 24 hours, whichever is less', () => {
  it('a 24-hour limit turns yellow in its last 6 hours, not at once', () => {
    expect(clockColor(23.9 * HOUR, 24 * HOUR)).toBe('green');
    expect(clockColor(6.01 * HOUR, 24 * HOUR)).toBe('green');
    expect(clockColor(5.9 * HOUR, 24 * HOUR)).toBe('yellow');
  });
  it('a long limit turns yellow in its last 24 hours', () => {
    expect(clockColor(25 * HOUR, 15 * 24 * HOUR)).toBe('green');
    expect(clockColor(23 * HOUR, 15 * 24 * HOUR)).toBe('yellow');
  });
  it('a one-hour sign-for limit is yellow in its last quarter hour', () => {
    expect(clockColor(20 * 60_000, HOUR)).toBe('green');
    expect(clockColor(10 * 60_000, HOUR)).toBe('yellow');
  });
  it('red once run out', () => {
    expect(clockColor(-1, 24 * HOUR)).toBe('red');
  });
});

describe('caseBadge of an open case: the most urgent running clock, by name', () => {
  it('a case logged just now with a 24-hour response limit is green on the response clock', () => {
    expect(caseBadge(received(0), now)).toMatchObject({ kind: 'open', clock: 'response', color: 'green', late: [] });
  });
  it('a dispatched case not yet signed for watches the sign-for clock', () => {
    const c = received(2, { status: 'dispatched', dispatchedAt: at(-0.5), signDueAt: at(0.1), respondedAt: null });
    expect(caseBadge(c, now)).toMatchObject({ kind: 'open', clock: 'signFor', color: 'yellow' });
  });
  it('once signed for and contacted, the resolution clock is the one left', () => {
    const c = received(30, { status: 'in_progress', dispatchedAt: at(-29), signDueAt: at(-28), acceptedAt: at(-28.5), respondedAt: at(-20) });
    expect(caseBadge(c, now)).toMatchObject({ kind: 'open', clock: 'resolve', color: 'green', late: [] });
  });
  it('a yellow clock comes before a green one that is due sooner', () => {
    const c = received(7 * 24 - 5, { status: 'dispatched', dispatchedAt: at(-0.1), signDueAt: at(0.9), respondedAt: at(-100) });
    expect(caseBadge(c, now)).toMatchObject({ clock: 'resolve', color: 'yellow' });
  });
  it('a running clock past its due time is red and named as late', () => {
    expect(caseBadge(received(30), now)).toMatchObject({ kind: 'open', clock: 'response', color: 'red', late: ['response'] });
  });
  it('a clock that ran out and stopped (signed for late) still shows red and says which, though 19 days remain', () => {
    const c = received(24, {
      status: 'in_progress',
      resolveDueAt: at(19 * 24),
      dispatchedAt: at(-23),
      signDueAt: at(-22),
      acceptedAt: at(-10),
      respondedAt: at(-9),
      signOverdue: true,
    });
    expect(caseBadge(c, now)).toMatchObject({ kind: 'open', color: 'red', clock: 'resolve', late: ['signFor'] });
  });
  it('the stored flags count even before the due time is seen to pass', () => {
    expect(caseBadge(received(1, { responseOverdue: true }), now)).toMatchObject({ color: 'red', late: ['response'] });
  });
});

describe('caseBadge of a paused case (已挂起)', () => {
  it('shows paused, with its date, even past a due time: the clocks stand still', () => {
    const c = received(30, { status: 'in_progress', pauseState: 'paused', resumeOn: '2026-12-08' });
    expect(caseBadge(c, now)).toEqual({ kind: 'paused', until: '2026-12-08' });
    expect(caseBadge({ ...c, resumeOn: null }, now)).toEqual({ kind: 'paused', until: null });
  });
  it('stays red for a clock that had run out before the pause began', () => {
    const c = received(30, { status: 'in_progress', pauseState: 'paused', responseOverdue: true });
    expect(caseBadge(c, now)).toMatchObject({ kind: 'open', color: 'red', late: ['response'] });
  });
  it('a pause only asked for changes nothing', () => {
    expect(caseBadge(received(0, { pauseState: 'requested' }), now)).toMatchObject({ kind: 'open', color: 'green' });
  });
});

describe('caseBadge of a finished case: no countdown', () => {
  it('closed on time, or late by its resolution clock', () => {
    expect(caseBadge({ status: 'closed', resolveDueAt: at(-1), closedAt: at(-2) }, now)).toEqual({ kind: 'closed', onTime: true });
    expect(caseBadge({ status: 'closed', resolveDueAt: at(-3), closedAt: at(-2) }, now)).toEqual({ kind: 'closed', onTime: false });
    expect(caseBadge({ status: 'closed', resolveDueAt: at(5), closedAt: at(-2), resolveOverdue: true }, now)).toEqual({ kind: 'closed', onTime: false });
  });
  it('merged and rejected cases carry no clock, even when their due time passed', () => {
    expect(caseBadge({ status: 'merged', resolveDueAt: at(-5) }, now)).toEqual({ kind: 'none' });
    expect(caseBadge({ status: 'rejected', resolveDueAt: at(100) }, now)).toEqual({ kind: 'none' });
  });
});

describe('spanParts', () => {
  it('splits a span into days, hours and minutes', () => {
    expect(spanParts(-(2 * 24 + 3) * HOUR - 5 * 60_000)).toEqual({ days: 2, hours: 3, minutes: 5 });
  });
});
