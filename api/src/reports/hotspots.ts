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
 * 集中反映: at least `k` requests of one category in one unit within `windowMs`. Sightings must be sorted by
 * unit, category and time. A request belongs to a hot spot when some window of `windowMs` holding it holds
 * `k` of its kind; overlapping windows make one hot spot, listed with all its requests.
 */
export function findHotSpots(sorted: readonly Sighting[], k: number, windowMs: number): Cluster[] {
  const out: Cluster[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end < sorted.length && sorted[end].unitId === sorted[start].unitId && sorted[end].categoryId === sorted[start].categoryId) end++;
    out.push(...clustersOf(sorted.slice(start, end), k, windowMs));
    start = end;
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
