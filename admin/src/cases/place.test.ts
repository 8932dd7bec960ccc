import { describe, expect, it } from 'vitest';
import { placeName } from './place';

describe('placeName', () => {
  it('names a building with its compound, not "5号楼" alone', () => {
    expect(placeName('火车站街道 / 黄河路社区 / 第一片区 / 3号网格 / 小碱小区 / 5号楼')).toBe('小碱小区 5号楼');
  });
  it('names a grid with the unit above it', () => {
    expect(placeName('火车站街道 / 黄河路社区 / 3号网格')).toBe('黄河路社区 3号网格');
  });
  it('a root unit is its own name; without a full name, the name', () => {
    expect(placeName('火车站街道')).toBe('火车站街道');
    expect(placeName(undefined, '5号楼')).toBe('5号楼');
  });
});
