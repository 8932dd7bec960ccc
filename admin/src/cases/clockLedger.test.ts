import { describe, expect, it } from 'vitest';
import { ledgerBar, ledgerLine, type ClockLedger } from './clockLedger';

const zh: Record<string, string> = {
  'app.fair.ledger.none': '未开始',
  'app.fair.ledger.line': '%{limit}%{extended}%{paused} → %{due}（已用 %{spent}）',
  'app.fair.ledger.extended': ' + 延期 %{amount}',
  'app.fair.ledger.paused': ' − 挂起 %{amount}',
  'app.fair.ledger.workdays': '%{amount} 个工作日',
  'app.fair.ledger.hours': '%{amount} 小时',
};
const t = (key: string, o: Record<string, unknown> = {}) => (zh[key] ?? key).replace(/%\{(\w+)\}/g, (_, k) => String(o[k]));
const base: ClockLedger = {
  limit: { amount: 5, unit: 'workdays' }, startedAt: '2026-09-29T02:00:00Z', baseDueAt: '2026-10-12T15:59:59.999Z', dueAt: '2026-10-19T15:59:59.999Z',
  extendedBy: 3, pausedBy: 2, spent: 7, intervals: [], state: 'met',
};

describe('the clock ledger line', () => {
  it('reads limit + extended − paused → due (spent), in the limit unit', () => {
    expect(ledgerLine(base, t, () => '10月19日 24:00')).toBe('5 个工作日 + 延期 3 个工作日 − 挂起 2 个工作日 → 10月19日 24:00（已用 7 个工作日）');
  });
  it('leaves out what did not happen, and rounds hours to one decimal', () => {
    const hours: ClockLedger = { ...base, limit: { amount: 24, unit: 'hours' }, extendedBy: 0, pausedBy: 0, spent: 3.04 };
    expect(ledgerLine(hours, t, () => 'D')).toBe('24 小时 → D（已用 3 小时）');
    expect(ledgerLine({ ...base, limit: null, dueAt: null }, t, () => 'D')).toBe('未开始');
  });
});

describe('the ledger bar', () => {
  it('gives each interval its share of the whole span; an open one runs to now', () => {
    const c: ClockLedger = { ...base, intervals: [{ kind: 'counted', from: '2026-01-01T00:00:00Z', to: '2026-01-01T03:00:00Z' }, { kind: 'paused', from: '2026-01-01T03:00:00Z', to: null }] };
    const bar = ledgerBar(c, Date.parse('2026-01-01T04:00:00Z'));
    expect(bar).toEqual([{ kind: 'counted', share: 0.75 }, { kind: 'paused', share: 0.25 }]);
  });
});
