import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHotSpots, type Sighting } from './hotspots.js';

const H = 3_600_000;
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
});
