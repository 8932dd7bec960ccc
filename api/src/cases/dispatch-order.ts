/** A responsible unit as the dispatch dialog offers it. */
export interface DispatchUnit {
  id: number;
  name: string;
  /** Cases of this category the unit took in the window (90 days). */
  took: number;
  /** The category's own unit: the one dispatch opens with. */
  suggested: boolean;
}

/** Unit names sort as people read them: 2号 before 10号. */
const byName = new Intl.Collator('zh-Hans-CN', { numeric: true });

/**
 * The order of units in the 派单 dialog: the category's own unit first, then the units that took most
 * cases of this category lately, then by name. Pure, so the rule is tested on its own.
 */
export function orderForDispatch(units: readonly { id: number; name: string }[], suggestedId: number | null, took: ReadonlyMap<number, number>): DispatchUnit[] {
  return units
    .map((u) => ({ id: u.id, name: u.name, took: took.get(u.id) ?? 0, suggested: u.id === suggestedId }))
    .sort((a, b) => Number(b.suggested) - Number(a.suggested) || b.took - a.took || byName.compare(a.name, b.name));
}
