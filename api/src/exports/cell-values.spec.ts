import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, localDateTime, textOf, xlsxCell } from './cell-values.js';

describe('cell values', () => {
  it('shows times as the wall clock of the zone, across a daylight-saving change too', () => {
    assert.equal(localDateTime(new Date('2026-10-15T16:30:00Z'), 'Asia/Shanghai'), '2026-10-16 00:30');
    assert.equal(localDateTime('2026-03-08T06:59:00Z', 'America/New_York'), '2026-03-08 01:59');
    assert.equal(localDateTime('2026-03-08T07:00:00Z', 'America/New_York'), '2026-03-08 03:00');
    assert.equal(localDateTime('2026-03-08T06:45:00Z', 'America/New_York'), '2026-03-08 01:45', 'the quarter hour before the change');
    assert.equal((xlsxCell('2026-03-08T07:00:00Z', 'datetime', 'America/New_York') as Date).toISOString(), '2026-03-08T03:00:00.000Z');
    assert.equal(localDateTime(null, 'UTC'), null);
    assert.equal(localDateTime('not a time', 'UTC'), null);
  });

  it('writes rates, numbers and yes/no the way a ledger reads them', () => {
    assert.equal(csvCell(0.8534, 'percent', 'UTC'), '85.3%');
    assert.equal(csvCell(null, 'percent', 'UTC'), '');
    assert.equal(csvCell('12', 'number', 'UTC'), '12');
    assert.equal(xlsxCell('12', 'number', 'UTC'), 12);
    assert.equal(textOf(true), '是');
    assert.equal(textOf(false), '否');
    assert.equal(textOf(['独居老人', '低保户']), '独居老人、低保户');
  });

  it('rounds hours and scores to one decimal and rates to 0.1 %, leaving counts whole', () => {
    assert.equal(csvCell(64.27543552083334, 'number', 'UTC'), '64.3');
    assert.equal(xlsxCell(64.27543552083334, 'number', 'UTC'), 64.3);
    assert.equal(csvCell(1250, 'number', 'UTC'), '1250');
    assert.equal(csvCell(0.85349, 'percent', 'UTC'), '85.3%');
    assert.equal(xlsxCell(0.853493, 'percent', 'UTC'), 0.853);
  });

  it('defuses CSV text that Excel would run as a formula, and only text', () => {
    for (const s of ['=1+2', '+86 138', '-2', '@SUM(A1)']) assert.equal(csvCell(s, 'text', 'UTC'), `'${s}`);
    assert.equal(csvCell('楼道灯不亮', 'text', 'UTC'), '楼道灯不亮');
    assert.equal(csvCell(-2, 'number', 'UTC'), '-2');
  });

  it('keeps an xlsx cell within what Excel accepts', () => {
    assert.equal((xlsxCell('诉'.repeat(40_000), 'text', 'UTC') as string).length, 32_767);
  });
});
