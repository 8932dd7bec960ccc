import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantile, summarize } from './stats.js';

describe('closure-time statistics', () => {
  it('median of an odd count is the middle value, of an even count the mean of the two middle ones', () => {
    assert.equal(summarize([7, 1, 3]).median, 3);
    assert.equal(summarize([8, 1, 3, 4]).median, 3.5);
  });

  it('90th percentile interpolates between the closest ranks', () => {
    // 1..10: rank (10-1)*0.9 = 8.1 → 9 + 0.1 × (10 - 9)
    assert.ok(Math.abs(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)! - 9.1) < 1e-9);
    // 1..11: rank 9 exactly → 10
    assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9), 10);
    assert.equal(quantile([5], 0.9), 5);
  });

  it('mean and maximum; nothing to summarize gives nulls, not zeros', () => {
    assert.deepEqual(summarize([2, 4, 9]), { mean: 5, median: 4, p90: 8, max: 9 });
    assert.deepEqual(summarize([]), { mean: null, median: null, p90: null, max: null });
  });
});
