import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appliedLimitsOfAll } from './applied-limits.js';

const none = { signForHours: null, responseHours: null, resolveLimit: null, resolveUnit: null, urgentSignForHours: null, urgentResponseHours: null, urgentResolveHours: null };

describe('the limits that apply to a category', () => {
  const [parent, child] = appliedLimitsOfAll([
    { ...none, id: 1, path: '/1/', responseHours: 12, resolveLimit: 3, resolveUnit: 'workdays' },
    { ...none, id: 2, path: '/1/2/', signForHours: 2, resolveLimit: 48, resolveUnit: 'hours' },
  ]);

  it("takes each field from the nearest level that sets it, and says which", () => {
    assert.deepEqual(child.limits.signForHours, { value: 2, from: 2 });
    assert.deepEqual(child.limits.responseHours, { value: 12, from: 1 });
    assert.deepEqual(child.limits.resolveLimit, { value: 48, from: 2 });
    assert.deepEqual(child.limits.resolveUnit, { value: 'hours', from: 2 });
  });

  it('falls back on the defaults (from: null), urgent sign-for half an hour', () => {
    assert.deepEqual(parent.limits.signForHours, { value: 1, from: null });
    assert.deepEqual(child.limits.urgentSignForHours, { value: 0.5, from: null });
  });
});
