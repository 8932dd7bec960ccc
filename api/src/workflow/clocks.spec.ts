import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Case } from '../cases/case.entity.js';
import { maskPhone } from '../common/privacy.js';
import { dueState, isOverdue, lateClocks } from './clocks.js';

const now = new Date('2026-11-22T12:00:00Z');
const h = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const base = { status: 'received', receivedAt: h(-1), dispatchedAt: null, signDueAt: null, acceptedAt: null, responseDueAt: h(10), respondedAt: null, resolveDueAt: h(48), closedAt: null } as unknown as Case;
const make = (patch: Partial<Case>) => ({ ...base, ...patch }) as Case;

describe('clocks', () => {
  it('红黄绿 of the most urgent running clock: yellow under a quarter of its limit or 24 h, red once any ran out', () => {
    const replied = { respondedAt: h(-0.5), receivedAt: h(-24 * 7) };
    assert.equal(dueState(make({ ...replied, resolveDueAt: h(24.01) }), now), 'green');
    assert.equal(dueState(make({ ...replied, resolveDueAt: h(23.9) }), now), 'yellow');
    assert.equal(dueState(make({ ...replied, resolveDueAt: h(-0.01) }), now), 'red');
    // Logged an hour ago with a 24-hour response limit: 23 hours left is green, not yellow from the start.
    assert.equal(dueState(make({ responseDueAt: h(23) }), now), 'green');
    assert.equal(dueState(make({ receivedAt: h(-20), responseDueAt: h(4) }), now), 'yellow', 'its last 6 hours');
    // Signed for late: red though the other clocks have days left.
    assert.equal(dueState(make({ status: 'in_progress', signOverdue: true, resolveDueAt: h(24 * 19) }), now), 'red');
    assert.equal(dueState(make({ status: 'dispatched', dispatchedAt: h(-0.9), signDueAt: h(0.1) }), now), 'yellow');
    assert.equal(dueState(make({ status: 'closed', resolveDueAt: h(-5) }), now), null);
  });

  it('an open case is late once a due time passes before its step', () => {
    assert.equal(isOverdue(base, now), false);
    assert.deepEqual(lateClocks(make({ responseDueAt: h(-1) }), now), { signFor: false, response: true, resolve: false });
    assert.equal(lateClocks(make({ responseDueAt: h(-1), respondedAt: h(-2) }), now).response, false, 'responded in time');
    assert.equal(lateClocks(make({ status: 'dispatched', signDueAt: h(-1) }), now).signFor, true);
    assert.equal(lateClocks(make({ status: 'in_progress', signDueAt: h(-3), acceptedAt: h(-4) }), now).signFor, false);
  });

  it('a closed case is late only if it closed after its due time', () => {
    assert.equal(isOverdue(make({ status: 'closed', closedAt: h(-50), responseDueAt: h(-40), resolveDueAt: h(-10) }), now), false);
    assert.equal(lateClocks(make({ status: 'closed', closedAt: h(-5), respondedAt: h(-50), responseDueAt: h(-40), resolveDueAt: h(-10) }), now).resolve, true);
    assert.equal(isOverdue(make({ status: 'rejected', responseDueAt: h(-40), resolveDueAt: h(-10) }), now), false, 'rejected cases have no clocks running');
  });
});

describe('phone masking', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
    assert.equal(maskPhone('0971-1234567'), '097****4567');
    assert.equal(maskPhone('110'), '*10');
    assert.equal(maskPhone(null), null);
  });
});
