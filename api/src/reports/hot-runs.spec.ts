import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeRuns, hotRuns, spotIds, Stitcher, type Day } from './hot-runs.js';
import { HotSpotFinder, type Sighting } from './hotspots.js';

const H = 3_600_000;
const DAY = 24 * H;
const byTime = (a: Sighting, b: Sighting) => a.at - b.at || a.id - b.id;

/** The finder over the whole period, as the report reads the cases. */
function finderSpots(all: Sighting[], k: number, w: number) {
  const f = new HotSpotFinder(k, w);
  for (const s of [...all].sort(byTime)) f.add(s);
  return f.clusters().map((c) => ({ unitId: c.unitId, categoryId: c.categoryId, ids: c.caseIds, firstAt: c.firstAt, lastAt: c.lastAt, strays: c.strays }));
}

/** Day by day, each from its own day and a window either side within the period, as the cache and the edges compute them; then stitched. */
function daySpots(all: Sighting[], days: Day[], k: number, w: number) {
  const lo = days[0].start;
  const hi = days[days.length - 1].end;
  // Under the kept rule (a 24-hour window: one run a kind a day), odd days as kept (stored as integers, ids read
  // after), even ones as read from the cases.
  const stitcher = new Stitcher(w);
  const kept = new Map<string, number[]>();
  days.forEach((d, i) => {
    const context = all.filter((s) => s.at >= Math.max(lo, d.start - w) && s.at < Math.min(hi, d.end + w)).sort(byTime);
    const runs = hotRuns(context, [d], k, w);
    if (i % 2 && w === DAY) {
      for (const r of runs) kept.set(`${r.unitId}/${r.categoryId}/${r.day}`, r.ids);
      stitcher.addKeptDay(d, encodeRuns(runs, d.start));
    } else runs.forEach((r) => stitcher.addRun(r));
  });
  for (const s of stitcher.spots) {
    if (!s.kept) continue;
    for (const d of days) if (d.day >= s.kept.from && d.day <= s.kept.to) s.parts.push({ day: d.day, ids: kept.get(`${s.unitId}/${s.categoryId}/${d.day}`) ?? [] });
  }
  return stitcher.spots.map((s) => ({ unitId: s.unitId, categoryId: s.categoryId, ids: spotIds(s), firstAt: s.firstAt, lastAt: s.lastAt, strays: s.strays }));
}

/** The requests of a kind within a spot's range that are not its own: what its range filter would wrongly list. */
function strayCount(all: Sighting[], spot: { unitId: number; categoryId: number; ids: number[]; firstAt: number; lastAt: number }) {
  const own = new Set(spot.ids);
  return all.filter((s) => s.unitId === spot.unitId && s.categoryId === spot.categoryId && s.at >= spot.firstAt && s.at <= spot.lastAt && !own.has(s.id)).length;
}

const sightings = fc.array(
  fc.record({ unitId: fc.integer({ min: 1, max: 2 }), categoryId: fc.integer({ min: 1, max: 2 }), minutes: fc.integer({ min: 0, max: 5 * 24 * 60 - 1 }) }),
  { maxLength: 80 },
);

describe('hot runs per day, stitched', () => {
  it('are the hot spots the finder finds over the whole period, strays included, whatever the days cut', () => {
    fc.assert(
      fc.property(sightings, fc.integer({ min: 2, max: 6 }), fc.constantFrom(3, 12, 24), (raw, k, hours) => {
        const w = hours * H;
        // Requests clustered near midnights often: minutes drawn, then some pulled onto a day's edge.
        const all = raw.map((r, i): Sighting => ({ id: i + 1, unitId: r.unitId, categoryId: r.categoryId, at: r.minutes * 60_000 }));
        const days: Day[] = Array.from({ length: 5 }, (_, i) => ({ day: `d${i}`, start: i * DAY, end: (i + 1) * DAY }));
        const expected = finderSpots(all, k, w);
        const canonical = <T extends { unitId: number; categoryId: number; firstAt: number }>(xs: T[]) => [...xs].sort((a, b) => a.unitId - b.unitId || a.categoryId - b.categoryId || a.firstAt - b.firstAt);
        assert.deepEqual(canonical(daySpots(all, days, k, w)), canonical(expected));
        for (const s of expected) assert.equal(s.strays, strayCount(all, s), 'the finder counts the strays in a spot’s range');
      }),
      { numRuns: 400 },
    );
  });

  it('a request between two hot ones less than a window apart can be in no hot spot: counted as a stray', () => {
    // k = 4, window 10 h: three before 0 h make the one at 0 h hot, three after 10 h the one at 10 h; 5 h has two.
    const at = [-10, -9, -8, 0, 5, 10, 18, 19, 20].map((h, i): Sighting => ({ id: i + 1, unitId: 1, categoryId: 1, at: (h + 24) * H }));
    const [spot] = finderSpots(at, 4, 10 * H);
    assert.deepEqual(spot.ids, [1, 2, 3, 4, 6, 7, 8, 9]);
    assert.equal(spot.strays, 1);
  });
});
