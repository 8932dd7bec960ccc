import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderForDispatch } from './dispatch-order.js';

describe('the order of units in the dispatch dialog', () => {
  const units = [
    { id: 1, name: '10号物业' },
    { id: 2, name: '2号物业' },
    { id: 3, name: '市政公司' },
    { id: 4, name: '热力公司' },
    { id: 5, name: '园林所' },
  ];

  it("puts the category's own unit first even when others took more, then by cases taken, then by name", () => {
    const took = new Map([
      [3, 12],
      [4, 30],
      [5, 12],
    ]);
    const order = orderForDispatch(units, 1, took);
    // 市政 (shì) before 园林 (yuán): equal counts fall back to the names' pinyin order.
    assert.deepEqual(
      order.map((u) => u.name),
      ['10号物业', '热力公司', '市政公司', '园林所', '2号物业'],
    );
    assert.deepEqual(order[0], { id: 1, name: '10号物业', took: 0, suggested: true });
    assert.equal(order.filter((u) => u.suggested).length, 1);
  });

  it('without a unit of its own nor any history, units sort by name with numbers read as numbers', () => {
    const order = orderForDispatch(units, null, new Map());
    assert.deepEqual(order.slice(0, 2).map((u) => u.name), ['2号物业', '10号物业']);
    assert.ok(order.every((u) => !u.suggested && u.took === 0));
  });
});
