import { describe, expect, it } from 'vitest';
import { rankRows, scoreAxisMin } from './ranking';

describe('ranking by composite score', () => {
  it('ranks by score, best first, ties sharing a rank', () => {
    const got = rankRows([
      { key: 'a', score: 80, valid: 120 },
      { key: 'b', score: 91.5, valid: 200 },
      { key: 'c', score: 80, valid: 40 },
      { key: 'd', score: 60, valid: 15 },
    ]);
    expect(got.map((r) => [r.key, r.rank])).toEqual([['a', 2], ['b', 1], ['c', 2], ['d', 4]]);
  });
  it('a unit with 2 cases does not top one with 200: it keeps its score but takes no rank', () => {
    const got = rankRows([
      { key: 'small', score: 100, valid: 2 },
      { key: 'big', score: 85, valid: 200 },
      { key: 'none', score: null, valid: 30 },
    ]);
    expect(got.map((r) => [r.key, r.score, r.rank])).toEqual([['small', 100, null], ['big', 85, 1], ['none', null, null]]);
  });
  it('the unassigned cases ("(未指定)") are no unit: they take no rank and push no unit down', () => {
    const got = rankRows([
      { key: null, score: 98, valid: 300 },
      { key: 7, score: 79, valid: 50 },
    ]);
    expect(got.map((r) => [r.key, r.rank])).toEqual([[null, null], [7, 1]]);
  });
});

describe('the score axis', () => {
  it('starts below the lowest score, so 79 and 100 look different', () => {
    expect(scoreAxisMin([100, 79, 92])).toBe(70);
    expect(scoreAxisMin([85.2])).toBe(80);
  });
  it('stays within 0..90', () => {
    expect(scoreAxisMin([3, 50])).toBe(0);
    expect(scoreAxisMin([100])).toBe(90);
    expect(scoreAxisMin([])).toBe(0);
  });
});
