import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonDepthExceeds } from './json-body.js';

const depthOf = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);

describe('jsonDepthExceeds: how deeply a JSON text nests, without parsing it', () => {
  it('agrees with the depth of the parsed value, brackets inside strings and escapes included', () => {
    const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', '中') });
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: 'medium' }, fc.oneof(text, fc.integer(), fc.constant(null)), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(text, tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 12 }), (v, max) => {
        assert.equal(jsonDepthExceeds(JSON.stringify(v), max), depthOf(v) > max);
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });

  it('stops at the bound: a 100,000-level text is judged at its 33rd bracket', () => {
    assert.equal(jsonDepthExceeds('['.repeat(100_000), 32), true);
    assert.equal(jsonDepthExceeds('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 2), false);
  });
});
