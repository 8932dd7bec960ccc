import { describe, expect, it } from 'vitest';
import { messages } from '../i18n';
import { ACCESS_ACTIONS, ACCESS_DETAILS, ACCESS_RESOURCES, detailWords, mayExportFull } from './accessLog';

describe('access log', () => {
  it('offers full exports to admins and to users granted them, to no one else', () => {
    expect(mayExportFull({ role: 'admin' })).toBe(true);
    expect(mayExportFull({ role: 'dispatcher', canExportPersonalData: true })).toBe(true);
    expect(mayExportFull({ role: 'dispatcher' })).toBe(false);
    expect(mayExportFull({ role: 'supervisor', canExportPersonalData: false })).toBe(false);
    expect(mayExportFull(null)).toBe(false);
  });

  it('has words for every action and resource in both languages', () => {
    for (const lang of [messages.zh, messages.en]) {
      expect(ACCESS_ACTIONS.filter((a) => !(a in lang.enums.accessAction))).toEqual([]);
      expect(ACCESS_RESOURCES.filter((r) => !(r in lang.enums.accessResource))).toEqual([]);
      expect(ACCESS_DETAILS.filter((d) => !(d in lang.enums.accessDetail))).toEqual([]);
    }
  });

  it('shows a detail in words, never as its codes', () => {
    const zh = (key: string, options?: { _?: string }) => (messages.zh.enums.accessDetail as Record<string, string>)[key.replace('enums.accessDetail.', '')] ?? options?._ ?? key;
    expect(detailWords('list', zh)).toBe('列表');
    expect(detailWords('full xlsx', zh)).toBe('完整信息 · Excel 文件');
    expect(detailWords('masked csv', zh)).toBe('已脱敏 · CSV 文件');
    expect(detailWords(null, zh)).toBe('');
  });
});
