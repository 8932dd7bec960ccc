import { describe, expect, it } from 'vitest';
import { fileNameOf, reportFileName } from './fileName';

describe('downloaded file names', () => {
  it("takes the server's name, the UTF-8 one first", () => {
    expect(fileNameOf(`attachment; filename="rates.xlsx"; filename*=UTF-8''%E4%B8%89%E7%8E%87.xlsx`, 'x.xlsx')).toBe('三率.xlsx');
    expect(fileNameOf('attachment; filename="cases-2026-11-23.csv"', 'x.csv')).toBe('cases-2026-11-23.csv');
    expect(fileNameOf('attachment; filename=daily.xlsx', 'x.xlsx')).toBe('daily.xlsx');
  });
  it('falls back to ours when the server names none', () => {
    expect(fileNameOf(null, 'cases.xlsx')).toBe('cases.xlsx');
    expect(fileNameOf('attachment', 'cases.xlsx')).toBe('cases.xlsx');
  });
  it('names a report by its path and parameters', () => {
    expect(reportFileName('reports/rates', ['2026-10-24', '2026-11-23', undefined, 'community'])).toBe('rates-2026-10-24-2026-11-23-community');
    expect(reportFileName('cases', [])).toBe('cases');
  });
});
