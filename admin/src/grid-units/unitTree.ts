import { naturalCompare } from '../common/naturalCompare';

export interface UnitRow {
  id: number;
  name: string;
  fullName: string;
  parentId: number | null;
}

export interface UnitNode {
  id: string;
  label: string;
  children: UnitNode[];
}

/**
 * The units as a tree, each level in natural order (1号, 2号 … 10号). With a search text, only the units whose
 * full name holds it and their ancestors. A unit whose parent is not among the rows (outside the user's scope)
 * is a root.
 */
export function unitTree(rows: readonly UnitRow[], search = ''): UnitNode[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  let kept: readonly UnitRow[] = rows;
  if (search.trim()) {
    const wanted = new Set<number>();
    for (const r of rows) {
      if (!r.fullName.includes(search.trim())) continue;
      for (let u: UnitRow | undefined = r; u && !wanted.has(u.id); u = u.parentId === null ? undefined : byId.get(u.parentId)) wanted.add(u.id);
    }
    kept = rows.filter((r) => wanted.has(r.id));
  }
  const nodes = new Map(kept.map((r) => [r.id, { id: String(r.id), label: r.name, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const r of kept) {
    const parent = r.parentId === null ? undefined : nodes.get(r.parentId);
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => naturalCompare(a.label, b.label));
    for (const n of list) sort(n.children);
    return list;
  };
  return sort(roots);
}
