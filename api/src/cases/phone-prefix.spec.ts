import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phoneRange } from './phone-prefix.js';

describe('a typed phone prefix as an index range', () => {
  it('ends where the prefix stops matching, carrying over nines and hyphens', () => {
    assert.deepEqual(phoneRange('138'), { lo: '138', hi: '139' });
    assert.deepEqual(phoneRange('139'), { lo: '139', hi: '14' });
    assert.deepEqual(phoneRange('0971-'), { lo: '0971-', hi: '0972' });
    assert.deepEqual(phoneRange('999'), { lo: '999', hi: null });
  });

  it('holds every number with the prefix and none without', () => {
    const { lo, hi } = phoneRange('1399');
    const within = (n: string) => n >= lo && (hi === null || n < hi);
    for (const n of ['1399', '13990000000', '13999999999']) assert.ok(within(n), n);
    for (const n of ['1398', '13989999999', '1400', '14000000000']) assert.ok(!within(n), n);
  });
});
