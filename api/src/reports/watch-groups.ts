import { instantMs } from '../common/time.js';

/** What grouping repeats reads of a case. */
export interface RepeatCase {
  id: number;
  number: string;
  title: string;
  reporterPhone: string | null;
  address: string | null;
  categoryId: number;
  gridUnitId: number;
  residentId: number | null;
  receivedAt: Date | string;
  status: string;
}

/** One phone or address asking about one category again: its cases, latest first. */
export interface RepeatGroup {
  by: 'phone' | 'address';
  /** The phone or address as lists show it (masked). */
  who: string;
  categoryId: number;
  count: number;
  /** Of them, how many are still open. */
  open: number;
  firstAt: Date;
  lastAt: Date;
  /** Where the latest was asked from, and the household when one is known. */
  gridUnitId: number;
  residentId: number | null;
  cases: { id: number; number: string; title: string; receivedAt: Date; status: string }[];
}

/**
 * The repeats among `cases`: two or more of one category from one phone, or from one address. An address's
 * group whose cases are all in a phone's group says nothing more and is left out. Biggest first, then latest.
 */
export function repeatGroups(cases: RepeatCase[], mask: Record<'phone' | 'address', (v: string) => string | null>, open: ReadonlySet<string>): RepeatGroup[] {
  const byKey = new Map<string, { by: 'phone' | 'address'; value: string; cases: Map<number, RepeatCase> }>();
  for (const c of cases) {
    for (const by of ['phone', 'address'] as const) {
      const value = by === 'phone' ? c.reporterPhone : c.address;
      if (!value) continue;
      const key = `${by}\u0000${value}\u0000${c.categoryId}`;
      let group = byKey.get(key);
      if (!group) byKey.set(key, (group = { by, value, cases: new Map() }));
      group.cases.set(Number(c.id), c);
    }
  }
  const groups = [...byKey.values()].filter((g) => g.cases.size >= 2);
  // A case is in one phone's group of its category: an address's cases all from one phone are all in that group.
  const covered = (g: (typeof groups)[number]) => {
    const phones = new Set([...g.cases.values()].map((c) => c.reporterPhone));
    return g.by === 'address' && phones.size === 1 && !phones.has(null);
  };
  return groups
    .filter((g) => !covered(g))
    .map((g) => {
      const list = [...g.cases.values()].map((c) => ({ ...c, id: Number(c.id) })).sort((a, b) => instantMs(b.receivedAt) - instantMs(a.receivedAt) || b.id - a.id);
      const latest = list[0];
      const resident = list.find((c) => c.residentId != null)?.residentId;
      return {
        by: g.by,
        who: mask[g.by](g.value) ?? '',
        categoryId: Number(latest.categoryId),
        count: list.length,
        open: list.filter((c) => open.has(c.status)).length,
        firstAt: new Date(instantMs(list[list.length - 1].receivedAt)),
        lastAt: new Date(instantMs(latest.receivedAt)),
        gridUnitId: Number(latest.gridUnitId),
        residentId: resident == null ? null : Number(resident),
        cases: list.map((c) => ({ id: c.id, number: c.number, title: c.title, receivedAt: new Date(instantMs(c.receivedAt)), status: c.status })),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime());
}
