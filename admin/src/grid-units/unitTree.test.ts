import { describe, expect, it } from 'vitest';
import { unitTree, type UnitNode } from './unitTree';

const rows = [
  { id: 1, name: '火车站街道', fullName: '火车站街道', parentId: null },
  { id: 2, name: '黄河路社区', fullName: '火车站街道 / 黄河路社区', parentId: 1 },
  { id: 12, name: '10号网格', fullName: '火车站街道 / 黄河路社区 / 10号网格', parentId: 2 },
  { id: 5, name: '3号网格', fullName: '火车站街道 / 黄河路社区 / 3号网格', parentId: 2 },
  { id: 4, name: '1号网格', fullName: '火车站街道 / 黄河路社区 / 1号网格', parentId: 2 },
  { id: 9, name: '长江路社区', fullName: '火车站街道 / 长江路社区', parentId: 1 },
];
const labels = (nodes: UnitNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.label, labels(n.children)] : n.label));

describe('the grid-unit tree', () => {
  it('nests units under their parent, each level in natural order', () => {
    expect(labels(unitTree(rows))).toEqual([['火车站街道', [['黄河路社区', ['1号网格', '3号网格', '10号网格']], '长江路社区']]]);
  });
  it('a search keeps the matching units and the way down to them', () => {
    expect(labels(unitTree(rows, '10号'))).toEqual([['火车站街道', [['黄河路社区', ['10号网格']]]]]);
  });
  it('a unit whose parent is out of sight is a root', () => {
    expect(labels(unitTree(rows.slice(1)))).toEqual([['黄河路社区', ['1号网格', '3号网格', '10号网格']], '长江路社区']);
  });
});
