import { describe, expect, it } from 'vitest';
import { naturalCompare } from './naturalCompare';

describe('naturalCompare', () => {
  it('counts numbered units: 1号, 2号 … 10号', () => {
    expect(['10号网格', '3号网格', '1号网格', '2号网格'].sort(naturalCompare)).toEqual(['1号网格', '2号网格', '3号网格', '10号网格']);
  });
  it('compares the numbers inside names, not only at the start', () => {
    expect(['幸福小区12栋', '幸福小区2栋', '幸福小区1栋'].sort(naturalCompare)).toEqual(['幸福小区1栋', '幸福小区2栋', '幸福小区12栋']);
  });
  it('counts Chinese numerals too: 第一片区, 第二片区 … 第十二片区 (not by pinyin)', () => {
    expect(['第三片区', '第十二片区', '第一片区', '第二片区', '第十片区'].sort(naturalCompare)).toEqual(['第一片区', '第二片区', '第三片区', '第十片区', '第十二片区']);
  });
  it('finds equal names equal', () => {
    expect(naturalCompare('2号网格', '2号网格')).toBe(0);
  });
});
