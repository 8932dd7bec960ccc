import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { clockLedger, type LedgerEvent } from './clock-ledger.js';
import { movedDue, pauseAllowance } from './pause-shift.js';
import type { ClockLimits } from './time-limits.js';

const TZ = 'Asia/Shanghai';
const cal = new WorkCalendar();
const at = (local: string) => new Date(`${local}+08:00`);
const limits: ClockLimits = { signFor: { amount: 1, unit: 'hours' }, response: { amount: 24, unit: 'hours' }, resolve: { amount: 5, unit: 'workdays' } };
const ev = (local: string, action: string, toStatus: string, data: Record<string, unknown> | null = null): LedgerEvent => ({ action, toStatus, createdAt: at(local), data });

// 2026: 中秋 Fri 09-25 off; National Day Thu 10-01 … Wed 10-07 off; Saturday 10-10 a 调休 working day.
describe('what a pause gives back', () => {
  it('an hours clock gets the time itself', () => {
    assert.equal(pauseAllowance('hours', at('2026-09-30T09:00:00'), at('2026-10-09T15:00:00'), cal, TZ), 222);
  });

  it('a working-days clock gets the working days after the day it began, up to the day it ended', () => {
    assert.equal(pauseAllowance('workdays', at('2026-10-13T10:00:00'), at('2026-10-15T10:00:00'), cal, TZ), 2, 'Tuesday to Thursday');
    assert.equal(pauseAllowance('workdays', at('2026-10-13T10:00:00'), at('2026-10-13T17:00:00'), cal, TZ), 0, 'the same day');
    assert.equal(pauseAllowance('workdays', at('2026-09-30T10:00:00'), at('2026-10-08T10:00:00'), cal, TZ), 1, 'over the National Day holidays only 10-08 counts');
    assert.equal(pauseAllowance('workdays', at('2026-10-09T10:00:00'), at('2026-10-12T10:00:00'), cal, TZ), 2, 'Friday to Monday: the 调休 Saturday and Monday');
  });

  it('a working-days due time moves to 24:00 of a later working day, skipping days off', () => {
    assert.equal(movedDue(at('2026-09-30T23:59:59.999'), 'workdays', 2, cal, TZ).toISOString(), '2026-10-09T15:59:59.999Z');
    assert.equal(movedDue(at('2026-10-12T23:59:59.999'), 'workdays', 0, cal, TZ).toISOString(), '2026-10-12T15:59:59.999Z');
  });
});

describe('the clock ledger', () => {
  // Received Tuesday 09-29 10:00: response 24 h → 09-30 10:00; 5 working days → 09-30, 10-08, 10-09, 10-10 (调休), 10-12.
  const created = ev('2026-09-29T10:00:00', 'create', 'received', { responseDueAt: at('2026-09-30T10:00:00'), resolveDueAt: at('2026-10-12T23:59:59.999') });
  const story: LedgerEvent[] = [
    created,
    ev('2026-09-29T10:10:00', 'dispatch', 'dispatched', { departmentId: 1, signDueAt: at('2026-09-29T11:10:00') }),
    ev('2026-09-29T10:30:00', 'accept', 'in_progress'),
    ev('2026-09-29T16:00:00', 'request_pause', 'in_progress', { reason: 'third_party' }),
    ev('2026-09-30T09:00:00', 'approve_pause', 'in_progress'),
    ev('2026-10-09T15:00:00', 'resume', 'in_progress', { pausedFrom: at('2026-09-30T09:00:00'), pausedTo: at('2026-10-09T15:00:00') }),
    ev('2026-10-12T09:00:00', 'request_extension', 'in_progress', { days: 3 }),
    ev('2026-10-12T10:00:00', 'approve_extension', 'in_progress', { days: 3 }),
    ev('2026-10-12T11:00:00', 'contact', 'in_progress'),
    ev('2026-10-16T10:00:00', 'reply', 'replied'),
    ev('2026-10-16T12:00:00', 'follow_up', 'closed', { resolved: true, satisfaction: 'satisfied' }),
  ];

  it('5 working days + 2 paused (10-08, 10-09) + 3 extended, over the holidays and the 调休 Saturday', () => {
    const { resolve } = clockLedger({ events: story, limits, calendar: cal, timeZone: TZ, now: at('2026-10-20T09:00:00') });
    assert.equal(resolve.baseDueAt?.toISOString(), '2026-10-12T15:59:59.999Z');
    // Paused 2 working days: 10-12 → 10-14; then extended 3: 10-15, 10-16, 10-19 (the weekend skipped).
    assert.equal(resolve.dueAt?.toISOString(), '2026-10-19T15:59:59.999Z');
    assert.equal(resolve.pausedBy, 2);
    assert.equal(resolve.extendedBy, 3);
    assert.equal(resolve.state, 'met');
    // Counted 09-30 … 10-16 is 9 working days, less the 2 paused.
    assert.equal(resolve.spent, 7);
    assert.deepEqual(
      resolve.intervals.map((i) => i.kind),
      ['paused', 'extended', 'counted'],
    );
  });

  it('the response clock gives back the pause in hours; answered after its moved due time it was missed', () => {
    const { response, signFor } = clockLedger({ events: story, limits, calendar: cal, timeZone: TZ, now: at('2026-10-20T09:00:00') });
    assert.equal(response.dueAt?.toISOString(), at('2026-10-09T16:00:00').toISOString());
    assert.equal(response.pausedBy, 222);
    assert.equal(response.state, 'missed');
    assert.equal(signFor.state, 'met');
    assert.equal(signFor.spent, 20 / 60);
  });

  it('while paused the clocks stand still: state paused, the open pause listed, no time given back yet', () => {
    const { resolve, response } = clockLedger({ events: story.slice(0, 5), limits, calendar: cal, timeZone: TZ, now: at('2026-10-08T12:00:00') });
    assert.equal(resolve.state, 'paused');
    assert.equal(response.state, 'paused');
    assert.equal(resolve.dueAt?.toISOString(), '2026-10-12T15:59:59.999Z');
    const open = resolve.intervals.find((i) => i.kind === 'paused');
    assert.equal(open?.to, null);
    // 09-29 10:00 to 09-30 09:00 counted: 23 hours of the response clock.
    assert.equal(response.spent, 23);
  });

  it('a return overruled: the sign-for clock never stopped, the time in return listed as such', () => {
    const events = [
      created,
      ev('2026-09-29T10:10:00', 'dispatch', 'dispatched', { departmentId: 1, signDueAt: at('2026-09-29T11:10:00') }),
      ev('2026-09-29T10:40:00', 'return', 'returned', { reason: 'not_our_duty' }),
      ev('2026-09-29T11:00:00', 'overrule_return', 'dispatched'),
    ];
    const { signFor } = clockLedger({ events, limits, calendar: cal, timeZone: TZ, now: at('2026-09-29T11:30:00') });
    assert.deepEqual(
      signFor.intervals.map((i) => i.kind),
      ['counted', 'returned', 'counted'],
    );
    assert.equal(signFor.dueAt?.toISOString(), at('2026-09-29T11:10:00').toISOString());
    assert.equal(signFor.state, 'overdue');
    assert.equal(signFor.spent, 80 / 60);
  });
});
