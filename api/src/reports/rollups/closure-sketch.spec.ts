import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ClosureSketch, HOURS_GAMMA, HOURS_RELATIVE_ERROR, ZERO_BUCKET } from './closure-sketch.js';

/** The bucket the triggers put a value of hours in (the SQL of `hoursBucketSql`, in JavaScript). */
const bucketOf = (h: number) => (h <= 0 ? ZERO_BUCKET : Math.ceil(Math.log(h) / Math.log(HOURS_GAMMA)));

/** `percentile_cont`: linear interpolation between the ranks around f·(n−1) of the sorted values. */
function percentileCont(values: number[], f: number) {
  const s = [...values].sort((a, b) => a - b);
  const h = f * (s.length - 1);
  return s[Math.floor(h)] + (h - Math.floor(h)) * (s[Math.ceil(h)] - s[Math.floor(h)]);
}

const closedCase = fc.record({
  hours: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 2000, noNaN: true }), fc.integer({ min: 1, max: 400 })),
  workdays: fc.integer({ min: -1, max: 60 }),
  onTime: fc.boolean(),
});

/** Each case added alone, or cases of one bucket and working-day count added together, as rollup rows are. */
function sketchOf(cases: { hours: number; workdays: number; onTime: boolean }[], split: number) {
  const parts = [new ClosureSketch(), new ClosureSketch()];
  cases.forEach((c, i) => parts[i < split ? 0 : 1].add({ hoursBucket: bucketOf(c.hours), workdays: c.workdays, n: 1, onTime: c.onTime ? 1 : 0, hoursSum: c.hours }));
  parts[0].merge(parts[1]);
  return parts[0];
}

describe('closure-time sketch', () => {
  it('reads back percentiles and the maximum of hours within the stated bound, the rest exactly', () => {
    fc.assert(
      fc.property(fc.array(closedCase, { minLength: 1, maxLength: 300 }), fc.nat(), (cases, at) => {
        const s = sketchOf(cases, at % (cases.length + 1)).summary();
        const hours = cases.map((c) => c.hours);
        const within = (got: number | null, exact: number) => Math.abs((got ?? NaN) - exact) <= HOURS_RELATIVE_ERROR * exact + 1e-9;
        assert.equal(s.closed, cases.length);
        assert.equal(s.onTime, cases.filter((c) => c.onTime).length);
        assert.ok(Math.abs(s.meanHours! - hours.reduce((a, h) => a + h, 0) / hours.length) < 1e-6);
        for (const [f, got] of [[0.5, s.medianHours], [0.9, s.p90Hours], [1, s.maxHours]] as const) assert.ok(within(got, percentileCont(hours, f)), `${f}: ${got} vs ${percentileCont(hours, f)}`);
        const days = cases.map((c) => c.workdays).filter((w) => w >= 0);
        if (!days.length) return assert.equal(s.medianWorkdays, null);
        assert.ok(Math.abs(s.meanWorkdays! - days.reduce((a, d) => a + d, 0) / days.length) < 1e-9);
        assert.ok(Math.abs(s.medianWorkdays! - percentileCont(days, 0.5)) < 1e-9);
        assert.ok(Math.abs(s.p90Workdays! - percentileCont(days, 0.9)) < 1e-9);
        assert.equal(s.maxWorkdays, Math.max(...days));
      }),
      { numRuns: 300 },
    );
  });

  it('forgets what was taken back (a reopened case leaves its bucket)', () => {
    const s = new ClosureSketch();
    s.add({ hoursBucket: bucketOf(30), workdays: 2, n: 1, onTime: 1, hoursSum: 30 });
    s.add({ hoursBucket: bucketOf(300), workdays: 20, n: 1, onTime: 0, hoursSum: 300 });
    s.add({ hoursBucket: bucketOf(300), workdays: 20, n: -1, onTime: 0, hoursSum: -300 });
    const r = s.summary();
    assert.equal(r.closed, 1);
    assert.ok(Math.abs(r.maxHours! - 30) <= 30 * HOURS_RELATIVE_ERROR);
    assert.equal(r.maxWorkdays, 2);
  });

  it('says nothing of an empty sketch', () => {
    assert.deepEqual(new ClosureSketch().summary(), { closed: 0, onTime: 0, meanHours: null, medianHours: null, p90Hours: null, maxHours: null, meanWorkdays: null, medianWorkdays: null, p90Workdays: null, maxWorkdays: null });
  });
});
