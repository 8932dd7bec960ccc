import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { messages } from './index';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
function values(obj: unknown): unknown[] {
  return typeof obj === 'object' && obj !== null ? Object.values(obj).flatMap(values) : [obj];
}

describe('translations', () => {
  it('Chinese and English have exactly the same keys', () => {
    expect(keys(messages.zh).sort()).toEqual(keys(messages.en).sort());
  });
  it("Chinese covers every one of react-admin's own messages", () => {
    const zh = new Set(keys(messages.zh));
    expect(keys(englishMessages).filter((k) => !zh.has(k))).toEqual([]);
  });
  it('no message is empty (the boolean null placeholder aside)', () => {
    for (const lang of [messages.zh, messages.en]) {
      const empty = keys(lang).filter((k, i) => k !== 'ra.boolean.null' && String(values(lang)[i]).trim() === '');
      expect(empty).toEqual([]);
    }
  });
  it('Chinese is really Chinese where the app speaks', () => {
    expect(messages.zh.app.title).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.values(messages.zh.enums.status).every((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
  });
});

describe('words for the issue-3 features', async () => {
  const { BUCKET_ORDER } = await import('../todo/buckets');
  const { STAGES } = await import('../attachments/fileCheck');
  it('every to-do bucket, attachment stage and overdue clock has its words in both languages', () => {
    for (const lang of [messages.zh, messages.en]) {
      expect(BUCKET_ORDER.filter((k) => !(k in lang.app.todo.buckets))).toEqual([]);
      expect(STAGES.filter((k) => !(k in lang.enums.stage))).toEqual([]);
      expect(Object.keys(lang.enums.clock).sort()).toEqual(['resolve', 'response', 'signFor']);
      expect(lang.enums.action.attach && lang.enums.action.overdue).toBeTruthy();
    }
  });
});

describe('words for the supervisors’ reports', async () => {
  const { MEASURE_OF, RATE_PARTS } = await import('../reports/drill');
  const { GROUP_BYS } = await import('../reports/api');
  const { QUICK_PICKS } = await import('../reports/period');
  const { REPORT_TABS } = await import('../reports/useReportParams');
  const { DRILL_KEYS } = await import('../cases/DrillBanner');
  it('every measure has a name and a definition; every drill-down measure, grouping, quick pick and tab has its words', () => {
    const counts = Object.keys(MEASURE_OF).filter((k) => k !== 'onTime');
    const rates = Object.keys(RATE_PARTS);
    const hours = ['meanHours', 'medianHours', 'p90Hours', 'maxHours', 'meanWorkdays', 'medianWorkdays', 'p90Workdays', 'maxWorkdays'];
    for (const lang of [messages.zh, messages.en]) {
      const m = lang.app.measures as Record<string, { label: string; tip: string }>;
      expect([...counts, ...rates, ...hours, 'score'].filter((k) => !m[k]?.label || !m[k]?.tip)).toEqual([]);
      expect(Object.values(MEASURE_OF).filter((v) => v && !(v in lang.app.drill.measure))).toEqual([]);
      expect(GROUP_BYS.filter((g) => !(g in lang.app.reports.groups))).toEqual([]);
      expect(QUICK_PICKS.filter((p) => !(p in lang.app.reports.picks))).toEqual([]);
      expect(REPORT_TABS.filter((p) => !(p in lang.app.reports.tabs))).toEqual([]);
      expect(DRILL_KEYS.filter((k) => k !== 'measure' && k !== 'id' && !(k in lang.app.drill.key))).toEqual([]);
    }
  });
});

describe('words for the outside world (issue 17)', async () => {
  const { DELIVERY_STATES } = await import('../webhooks/deliveries');
  it('every delivery state has its chip, and both sides of a visibility mark their words, in both languages', () => {
    for (const lang of [messages.zh, messages.en]) {
      expect(DELIVERY_STATES.filter((s) => !(s in lang.enums.deliveryState))).toEqual([]);
      for (const side of ['public', 'internal'] as const) {
        expect([lang.app.visibility[side], lang.app.visibility[`${side}_tip`], lang.app.visibility[`make_${side}`], lang.app.visibility[`now_${side}`]].every(Boolean)).toBe(true);
      }
    }
    expect(messages.zh.app.visibility.public_tip).toBe('居民可见');
    expect(messages.zh.app.visibility.internal_tip).toBe('仅内部可见');
  });
});
