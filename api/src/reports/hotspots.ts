/** One request as hot-spot detection sees it: where, what, when. */
export interface Sighting {
  id: number;
  unitId: number;
  categoryId: number;
  at: number;
}

export interface Cluster {
  unitId: number;
  categoryId: number;
  caseIds: number[];
  firstAt: number;
  lastAt: number;
}

/**
 * 集中反映: at least `k` requests of one category in one unit within `windowMs`. Sightings must be in order
 * of time (as the period's index gives them: no sort in the database, which at a month of a city's cases
 * cost more than the rest of the report). A request belongs to a hot spot when some window of `windowMs`
 * holding it holds `k` of its kind; overlapping windows make one hot spot, listed with all its requests.
 * Hot spots come by unit, then category, then time.
 */
export function findHotSpots(byTime: readonly Sighting[], k: number, windowMs: number): Cluster[] {
  const groups = new Map<number, Map<number, Sighting[]>>();
  for (const s of byTime) {
    let unit = groups.get(s.unitId);
    if (!unit) groups.set(s.unitId, (unit = new Map()));
    const group = unit.get(s.categoryId);
    if (group) group.push(s);
    else unit.set(s.categoryId, [s]);
  }
  const out: Cluster[] = [];
  for (const unitId of [...groups.keys()].sort((a, b) => a - b)) {
    const unit = groups.get(unitId)!;
    for (const categoryId of [...unit.keys()].sort((a, b) => a - b)) {
      const group = unit.get(categoryId)!;
      if (group.length >= k) out.push(...clustersOf(group, k, windowMs));
    }
  }
  return out;
}

function clustersOf(group: readonly Sighting[], k: number, windowMs: number): Cluster[] {
  const hot = new Array<boolean>(group.length).fill(false);
  for (let j = 0, i = 0; j < group.length; j++) {
    while (group[j].at - group[i].at > windowMs) i++;
    if (j - i + 1 >= k) for (let x = i; x <= j; x++) hot[x] = true;
  }
  const clusters: Cluster[] = [];
  let current: Cluster | null = null;
  for (let x = 0; x < group.length; x++) {
    if (!hot[x]) continue;
    const s = group[x];
    if (current && s.at - current.lastAt <= windowMs) {
      current.caseIds.push(s.id);
      current.lastAt = s.at;
    } else {
      current = { unitId: s.unitId, categoryId: s.categoryId, caseIds: [s.id], firstAt: s.at, lastAt: s.at };
      clusters.push(current);
    }
  }
  return clusters;
}
