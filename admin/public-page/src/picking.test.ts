import { describe, expect, it } from 'vitest';
import { matchCategories, type PublicCategory } from './categories';
import { fitWithin, whenAgain } from './format';
import { communities, presetPlace, type Place } from './places';

const places: Place[] = [
  { id: 2, name: '黄河路社区', level: 'community', parentId: null },
  { id: 5, name: '小碱小区', level: 'compound', parentId: 2 },
  { id: 6, name: '康乐园', level: 'compound', parentId: 2 },
  { id: 3, name: '长江路社区', level: 'community', parentId: null },
];

describe('the community → compound picker', () => {
  it('lists each community with its compounds', () => {
    expect(communities(places)).toEqual([
      { id: 2, name: '黄河路社区', compounds: [{ id: 5, name: '小碱小区' }, { id: 6, name: '康乐园' }] },
      { id: 3, name: '长江路社区', compounds: [] },
    ]);
  });

  it("presets a QR code's unit: a compound with its community, a community alone, nothing for an unknown one", () => {
    expect(presetPlace(places, 6)).toEqual({ communityId: 2, compoundId: 6 });
    expect(presetPlace(places, 3)).toEqual({ communityId: 3, compoundId: null });
    expect(presetPlace(places, 99)).toEqual({ communityId: null, compoundId: null });
    expect(presetPlace(places, null)).toEqual({ communityId: null, compoundId: null });
  });
});

describe('the category search', () => {
  const cats: PublicCategory[] = [
    { id: 1, name: '电梯故障', fullName: '物业管理/电梯故障', group: '物业管理', keywords: ['电梯', '困人'] },
    { id: 2, name: '噪音扰民', fullName: '环境保护/噪音扰民', group: '环境保护', keywords: ['装修', 'noise'] },
  ];
  it('finds by name, group or keyword, every word typed, any case; all when nothing is typed', () => {
    expect(matchCategories(cats, '困人').map((c) => c.id)).toEqual([1]);
    expect(matchCategories(cats, '环境 装修').map((c) => c.id)).toEqual([2]);
    expect(matchCategories(cats, 'NOISE').map((c) => c.id)).toEqual([2]);
    expect(matchCategories(cats, '电梯 装修')).toEqual([]);
    expect(matchCategories(cats, '  ')).toHaveLength(2);
  });
});

describe('photos and times', () => {
  it('shrinks a photo to 1280 px on its longer side, proportions kept, never enlarged', () => {
    expect(fitWithin(4032, 3024, 1280)).toEqual({ width: 1280, height: 960 });
    expect(fitWithin(3024, 4032, 1280)).toEqual({ width: 960, height: 1280 });
    expect(fitWithin(800, 600, 1280)).toEqual({ width: 800, height: 600 });
  });

  it('says when to try again: the time today, the date and time on another day', () => {
    const now = new Date(2026, 11, 3, 9, 0);
    expect(whenAgain(new Date(2026, 11, 3, 9, 45), now)).toBe('09:45');
    expect(whenAgain(new Date(2026, 11, 4, 8, 5), now)).toBe('2026-12-04 08:05');
  });
});
