import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { without } from './records.js';

describe('without', () => {
  class Row {
    id = 1;
    unitPath = '/1/2/';
    title = '路灯不亮';
    at = new Date('2026-11-29T00:00:00Z');
  }

  it('leaves out one field and keeps the others, in order, as object rest does', () => {
    const row = new Row();
    const { unitPath: _p, ...rest } = row;
    const out = without(row, 'unitPath');
    assert.deepEqual(Object.keys(out), ['id', 'title', 'at']);
    assert.equal(JSON.stringify(out), JSON.stringify(rest));
    assert.equal(out.at, row.at);
    assert.equal(Object.getPrototypeOf(out), Object.prototype);
  });
});
