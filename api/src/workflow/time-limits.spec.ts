import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { closureOf, closureTimes, DEFAULT_POLICY, dueAt, effectivePolicy, limitsFor, type LimitPolicy } from './time-limits.js';

const TZ = 'Asia/Shanghai';
const cal = new WorkCalendar();
const at = (iso: string) => new Date(iso);
const none: LimitPolicy = { signForHours: null, responseHours: null, resolveLimit: null, resolveUnit: null, urgentSignForHours: null, urgentResponseHours: null, urgentResolveHours: null };

describe('due times', () => {
  it('N hours end N hours after the start, whatever the day', () => {
    assert.equal(dueAt(at('2026-10-01T10:00:00+08:00'), { amount: 24, unit: 'hours' }, cal, TZ).toISOString(), '2026-10-02T02:00:00.000Z');
    assert.equal(dueAt(at('2026-10-01T10:00:00+08:00'), { amount: 0.5, unit: 'hours' }, cal, TZ).toISOString(), '2026-10-01T02:30:00.000Z');
  });

  it('5 working days from Wednesday 2026-09-30 end with Tuesday 2026-10-13 (National Day skipped, make-up Saturday counted)', () => {
    const due = dueAt(at('2026-09-30T09:15:00+08:00'), { amount: 5, unit: 'workdays' }, cal, TZ);
    assert.equal(due.toISOString(), '2026-10-13T15:59:59.999Z');
  });

  it('counts from the local day of receipt: 23:30 Beijing time on the 30th is still the 30th', () => {
    // 2026-09-30T15:30Z is 23:30 in Beijing but already... still 30 Sep there; 16:30Z is 1 Oct.
    assert.equal(dueAt(at('2026-09-30T15:30:00Z'), { amount: 1, unit: 'workdays' }, cal, TZ).toISOString(), '2026-10-08T15:59:59.999Z');
    assert.equal(dueAt(at('2026-09-30T16:30:00Z'), { amount: 1, unit: 'workdays' }, cal, TZ).toISOString(), '2026-10-08T15:59:59.999Z');
  });

  it('a plain weekend is skipped', () => {
    // Friday 2026-11-20 + 1 working day = Monday 2026-11-23.
    assert.equal(dueAt(at('2026-11-20T10:00:00+08:00'), { amount: 1, unit: 'workdays' }, cal, TZ).toISOString(), '2026-11-23T15:59:59.999Z');
  });

  it('a local correction overrides the official calendar: marking 2027-01-01 a holiday moves the due day', () => {
    const thursday = at('2026-12-31T10:00:00+08:00');
    assert.equal(new WorkCalendar().isWorkday('2027-01-01'), true, 'the package has no 2027 data, so it treats New Year as a working day');
    assert.equal(dueAt(thursday, { amount: 1, unit: 'workdays' }, new WorkCalendar(), TZ).toISOString(), '2027-01-01T15:59:59.999Z');
    const corrected = new WorkCalendar(new Map([['2027-01-01', false]]));
    assert.equal(dueAt(thursday, { amount: 1, unit: 'workdays' }, corrected, TZ).toISOString(), '2027-01-04T15:59:59.999Z');
  });

  it('a make-up working day added locally counts', () => {
    const corrected = new WorkCalendar(new Map([['2026-11-21', true]]));
    assert.equal(dueAt(at('2026-11-20T10:00:00+08:00'), { amount: 1, unit: 'workdays' }, corrected, TZ).toISOString(), '2026-11-21T15:59:59.999Z');
  });

  it('counts working days between two dates', () => {
    assert.equal(cal.workdaysBetween('2026-09-30', '2026-10-13'), 5);
    assert.equal(cal.workdaysBetween('2026-10-13', '2026-10-13'), 0);
  });

  it('rejects a fractional or non-positive number of working days', () => {
    assert.throws(() => cal.addWorkdays('2026-10-01', 0), RangeError);
    assert.throws(() => cal.addWorkdays('2026-10-01', 1.5), RangeError);
  });
});

describe('limit policy', () => {
  it('takes each limit from the nearest category that sets it, then the defaults', () => {
    const leaf = { ...none, responseHours: 12 };
    const top = { ...none, responseHours: 48, resolveLimit: 15, resolveUnit: 'workdays' as const, urgentResolveHours: 12 };
    const p = effectivePolicy([leaf, top]);
    assert.equal(p.responseHours, 12);
    assert.equal(p.resolveLimit, 15);
    assert.equal(p.urgentResolveHours, 12);
    assert.equal(p.signForHours, DEFAULT_POLICY.signForHours);
  });

  it('keeps the resolve amount with its own unit', () => {
    const leaf = { ...none, resolveLimit: 24, resolveUnit: 'hours' as const };
    const top = { ...none, resolveLimit: 15, resolveUnit: 'workdays' as const };
    assert.deepEqual(limitsFor(effectivePolicy([leaf, top]), 'normal').resolve, { amount: 24, unit: 'hours' });
  });

  it('urgent cases use the urgent limits, in hours', () => {
    const l = limitsFor(effectivePolicy([{ ...none, urgentResponseHours: 2, urgentResolveHours: 24 }]), 'urgent');
    assert.deepEqual(l.response, { amount: 2, unit: 'hours' });
    assert.deepEqual(l.resolve, { amount: 24, unit: 'hours' });
  });
});

describe('closure times (办结用时)', () => {
  const received = at('2026-09-30T10:00:00+08:00');
  it('in hours: received to closed', () => {
    assert.equal(closureTimes(received, at('2026-09-30T13:30:00+08:00'), cal, TZ).closeHours, 3.5);
  });

  it('in working days, as limits count them, across the National Day holiday and its make-up Saturday', () => {
    const wd = (closed: string) => closureTimes(received, at(closed), cal, TZ).closeWorkdays;
    assert.equal(wd('2026-09-30T23:00:00+08:00'), 0, 'closed the day it came in');
    assert.equal(wd('2026-10-07T18:00:00+08:00'), 0, 'the holiday does not count');
    assert.equal(wd('2026-10-08T09:00:00+08:00'), 1);
    assert.equal(wd('2026-10-10T09:00:00+08:00'), 3, '10-08, 10-09 and the make-up Saturday 10-10');
    assert.equal(wd('2026-10-11T09:00:00+08:00'), 3, 'Sunday 10-11 is off');
    assert.equal(wd('2026-10-13T23:00:00+08:00'), 5, 'due at the end of 10-13 with 5 working days: closed within them');
  });

  it('only a closed case has closure times', () => {
    assert.deepEqual(closureOf({ status: 'in_progress', receivedAt: received, closedAt: null }, cal, TZ), { closeHours: null, closeWorkdays: null });
  });
});
