import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HotSpotFinder, type Sighting } from './hotspots.js';

const H = 3_600_000;
/** The hot spots among requests given in order of time, as the report feeds them. */
const findHotSpots = (byTime: readonly Sighting[], k: number, windowMs: number) => {
  const finder = new HotSpotFinder(k, windowMs);
  for (const s of byTime) finder.add(s);
  return finder.clusters();
};
const at = (unitId: number, categoryId: number, hours: number[], from = 1): Sighting[] => hours.map((h, i) => ({ id: from + i, unitId, categoryId, at: h * H }));

describe('hot spots (集中反映)', () => {
  it('appears at K requests within the window and not at K-1', () => {
    assert.equal(findHotSpots(at(1, 9, [0, 2, 5, 9]), 5, 24 * H).length, 0);
    const [spot] = findHotSpots(at(1, 9, [0, 2, 5, 9, 23.5]), 5, 24 * H);
    assert.deepEqual(spot.caseIds, [1, 2, 3, 4, 5]);
    assert.equal(spot.firstAt, 0);
    assert.equal(spot.lastAt, 23.5 * H);
  });

  it('requests spread wider than the window are not a hot spot; another unit or category does not count', () => {
    assert.equal(findHotSpots(at(1, 9, [0, 10, 20, 30, 40]), 5, 24 * H).length, 0);
    const mixed = [...at(1, 9, [0, 1, 2, 3]), ...at(1, 8, [4], 10), ...at(2, 9, [5], 20)].sort((a, b) => a.at - b.at);
    assert.equal(findHotSpots(mixed, 5, 24 * H).length, 0);
  });

  it('overlapping windows make one hot spot; a quiet stretch longer than the window starts another', () => {
    const spots = findHotSpots(at(3, 4, [0, 1, 2, 3, 4, 20, 21, 22, 100, 101, 102, 103, 104]), 5, 24 * H);
    assert.deepEqual(spots.map((s) => s.caseIds.length), [8, 5]);
  });

  it("finds each unit and category's hot spots among requests of every kind interleaved in time, listed by unit and category", () => {
    const mixed = [...at(2, 9, [0, 1, 2, 3, 4], 1), ...at(1, 9, [0.5, 1.5, 2.5, 3.5, 4.5], 10), ...at(1, 8, [0.2, 1.2, 2.2, 3.2], 20), ...at(1, 7, [9, 10, 11, 12, 13], 30)].sort((a, b) => a.at - b.at);
    const spots = findHotSpots(mixed, 5, 24 * H);
    assert.deepEqual(
      spots.map((s) => [s.unitId, s.categoryId, s.caseIds]),
      [
        [1, 7, [30, 31, 32, 33, 34]],
        [1, 9, [10, 11, 12, 13, 14]],
        [2, 9, [1, 2, 3, 4, 5]],
      ],
    );
  });

  it('matches the definition on random requests: every window ending at a request, k of a kind, overlaps joined', () => {
    // The definition, request by request (quadratic, for small inputs): a request is in a hot spot when a
    // window ending at some request of its kind, no earlier, holds it and k of its kind.
    const oracle = (all: Sighting[], k: number, w: number) => {
      const out: { unitId: number; categoryId: number; caseIds: number[] }[] = [];
      const keys = [...new Set(all.map((s) => `${s.unitId}/${s.categoryId}`))].sort((a, b) => {
        const [ua, ca] = a.split('/').map(Number);
        const [ub, cb] = b.split('/').map(Number);
        return ua - ub || ca - cb;
      });
      for (const key of keys) {
        const g = all.filter((s) => `${s.unitId}/${s.categoryId}` === key);
        const hot = g.map((x, xi) => g.some((j, ji) => ji >= xi && j.at - x.at <= w && g.filter((i, ii) => ii <= ji && j.at - i.at <= w).length >= k));
        let last: { caseIds: number[]; lastAt: number } | null = null;
        g.forEach((s, i) => {
          if (!hot[i]) return;
          if (last && s.at - last.lastAt <= w) {
            last.caseIds.push(s.id);
            last.lastAt = s.at;
          } else out.push((last = { unitId: s.unitId, categoryId: s.categoryId, caseIds: [s.id], lastAt: s.at } as never));
        });
      }
      return out.map((c) => [c.unitId, c.categoryId, c.caseIds]);
    };
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rand() * 60);
      let t = 0;
      const all: Sighting[] = Array.from({ length: n }, (_, i) => ({ id: i + 1, unitId: 1 + Math.floor(rand() * 2), categoryId: 1 + Math.floor(rand() * 2), at: (t += Math.floor(rand() * 10) * H) }));
      const k = 2 + Math.floor(rand() * 4);
      const w = (1 + Math.floor(rand() * 30)) * H;
      assert.deepEqual(
        findHotSpots(all, k, w).map((c) => [c.unitId, c.categoryId, c.caseIds]),
        oracle(all, k, w),
        `round ${round}: k=${k}, window ${w / H} h`,
      );
    }
  });

  it('a year with a dense day: one hot spot holding every request of it, and a quiet kind holding nothing', () => {
    const dense = Array.from({ length: 200_000 }, (_, i): Sighting => ({ id: i + 1, unitId: 5, categoryId: 3, at: 100 * 24 * H + i * 100 }));
    const quiet = Array.from({ length: 365 }, (_, i): Sighting => ({ id: 1_000_000 + i, unitId: 6, categoryId: 3, at: i * 24 * H }));
    const spots = findHotSpots([...quiet, ...dense].sort((a, b) => a.at - b.at), 5, 24 * H);
    assert.equal(spots.length, 1);
    assert.equal(spots[0].caseIds.length, 200_000);
    assert.deepEqual([spots[0].caseIds[0], spots[0].caseIds.at(-1)], [1, 200_000]);
  });
});
