import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantMs } from './time.js';

describe('instantMs', () => {
  it("reads SQLite's UTC text to the millisecond, with or without its fraction", () => {
    assert.equal(instantMs('2026-10-15 01:02:03.456'), Date.UTC(2026, 9, 15, 1, 2, 3, 456));
    assert.equal(instantMs('2026-10-15 01:02:03.4'), Date.UTC(2026, 9, 15, 1, 2, 3, 400));
    assert.equal(instantMs('2026-10-15 01:02:03.45'), Date.UTC(2026, 9, 15, 1, 2, 3, 450));
    assert.equal(instantMs('2026-02-28 23:59:59'), Date.UTC(2026, 1, 28, 23, 59, 59));
  });

  it('agrees with Date on every millisecond-precision time it is given, and takes Dates and texts with a zone', () => {
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2030, 0, 1); t += 7_777_777_777 / 97) {
      const ms = Math.round(t);
      assert.equal(instantMs(new Date(ms).toISOString().replace('T', ' ').replace('Z', '')), ms);
    }
    const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    assert.equal(instantMs(d), d.getTime());
    assert.equal(instantMs('2026-01-02T11:04:05.006+08:00'), d.getTime());
    assert.equal(instantMs('2026-01-02 03:04:05.006Z'), d.getTime());
  });

  it('reads a text of another shape by its own zone, and answers NaN for what is no time', () => {
    assert.equal(instantMs('2026-01-02 03:04:05+08:00'), Date.UTC(2026, 0, 1, 19, 4, 5));
    assert.ok(Number.isNaN(instantMs('2026-01-02 03:04:0x')));
    assert.ok(Number.isNaN(instantMs('not a time')));
  });
});
