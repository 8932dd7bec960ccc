import { describe, expect, it } from 'vitest';
import { compareValues, count, isSmallSample, NONE, oneDecimal, percent } from './format';

describe('report figures', () => {
  it('rates are percentages with one decimal; nothing due is a dash, not 0%', () => {
    expect(percent(0.8765)).toBe('87.7%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(null)).toBe(NONE);
    expect(percent(undefined)).toBe('—');
    expect(percent(Number.NaN)).toBe('—');
  });
  it('hours and working days have one decimal', () => {
    expect(oneDecimal(26.25)).toBe('26.3');
    expect(oneDecimal(3)).toBe('3.0');
    expect(oneDecimal(0.04)).toBe('0.0');
    expect(oneDecimal(null)).toBe('—');
  });
  it('a count of zero is 0; a missing count is a dash', () => {
    expect(count(0)).toBe('0');
    expect(count(137)).toBe('137');
    expect(count(null)).toBe('—');
  });
  it('marks rates resting on few cases', () => {
    expect(isSmallSample(2)).toBe(true);
    expect(isSmallSample(0)).toBe(true);
    expect(isSmallSample(null)).toBe(true);
    expect(isSmallSample(200)).toBe(false);
  });
  it('sorts nulls last in both directions, numbers by value, names in Chinese order', () => {
    const rows = [0.5, null, 0.9, 0.1];
    expect([...rows].sort((a, b) => compareValues(a, b, 'asc'))).toEqual([0.1, 0.5, 0.9, null]);
    expect([...rows].sort((a, b) => compareValues(a, b, 'desc'))).toEqual([0.9, 0.5, 0.1, null]);
    expect(['b', 'a'].sort((a, b) => compareValues(a, b, 'asc'))).toEqual(['a', 'b']);
  });
});

describe('group names', () => {
  it('drop the path every group shares, keeping at least the last segment', async () => {
    const { withoutCommonPath } = await import('./format');
    expect(withoutCommonPath(['街道 / 黄河路社区 / 第一片区 / 1号网格', '街道 / 黄河路社区 / 第二片区 / 6号网格', null])).toEqual(['第一片区 / 1号网格', '第二片区 / 6号网格', null]);
    expect(withoutCommonPath(['街道 / 社区 / 网格', '街道 / 社区'])).toEqual(['社区 / 网格', '社区']);
    expect(withoutCommonPath(['住房 / 物业', '住房 / 物业'])).toEqual(['物业', '物业']);
    expect(withoutCommonPath(['黄河路社区', '长江路社区'])).toEqual(['黄河路社区', '长江路社区']);
    expect(withoutCommonPath(['只有一个 / 网格'])).toEqual(['只有一个 / 网格']);
  });
});
