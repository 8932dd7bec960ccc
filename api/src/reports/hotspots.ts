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
  /**
   * Requests of its kind between its first and last that are in no hot spot (a window may hold k around each
   * end and not around the middle): the range firstAt..lastAt of its kind holds exactly its requests when 0.
   */
  strays: number;
}

/**
 * 集中反映: at least `k` requests of one category in one unit within `windowMs`. A request belongs to a hot
 * spot when some window of `windowMs` holding it holds `k` of its kind; overlapping windows make one hot
 * spot, listed with all its requests. Hot spots come by unit, then category, then time.
 *
 * Requests are added one at a time, in order of time (as the period's index gives them: no sort in the
 * database), and nothing is kept of them but what a hot spot can still need: per unit and category, the
 * times within the last window and the requests among them not yet in a hot spot. So a year of a city's
 * requests costs the memory of its hot spots, not of the year, and each request is looked at a bounded
 * number of times (a dense day of one kind used to cost the square of its size).
 */
export class HotSpotFinder {
  private readonly groups = new Map<number, Map<number, Group>>();

  constructor(
    private readonly k: number,
    private readonly windowMs: number,
  ) {}

  add(s: Sighting): void {
    let unit = this.groups.get(s.unitId);
    if (!unit) this.groups.set(s.unitId, (unit = new Map()));
    let g = unit.get(s.categoryId);
    if (!g) unit.set(s.categoryId, (g = { times: [], head: 0, waiting: [], cold: 0, clusters: [] }));
    // The window ending at this request: the times of its kind no older than `windowMs`.
    g.times.push(s.at);
    while (s.at - g.times[g.head] > this.windowMs) g.head++;
    if (g.head > 1024 && g.head * 2 > g.times.length) {
      g.times = g.times.slice(g.head);
      g.head = 0;
    }
    // A request older than the window can no longer be in one with k of its kind: it is let go.
    let drop = 0;
    while (drop < g.waiting.length && s.at - g.waiting[drop].at > this.windowMs) drop++;
    if (drop) {
      g.waiting.splice(0, drop);
      g.cold += drop;
    }
    g.waiting.push(s);
    if (g.times.length - g.head < this.k) return;
    // k in the window: every request in it is in a hot spot, joined to the last one while they overlap.
    for (const w of g.waiting) {
      const current = g.clusters[g.clusters.length - 1];
      if (current && w.at - current.lastAt <= this.windowMs) {
        current.caseIds.push(w.id);
        current.lastAt = w.at;
        // The requests let go since its last one lie between it and this one.
        current.strays += g.cold;
      } else g.clusters.push({ unitId: w.unitId, categoryId: w.categoryId, caseIds: [w.id], firstAt: w.at, lastAt: w.at, strays: 0 });
      g.cold = 0;
    }
    g.waiting.length = 0;
  }

  /** The hot spots found, by unit, then category, then time. */
  clusters(): Cluster[] {
    const out: Cluster[] = [];
    for (const unitId of [...this.groups.keys()].sort((a, b) => a - b)) {
      const unit = this.groups.get(unitId)!;
      for (const categoryId of [...unit.keys()].sort((a, b) => a - b)) out.push(...unit.get(categoryId)!.clusters);
    }
    return out;
  }
}

interface Group {
  /** Times of the requests seen, the window's from `head` on. */
  times: number[];
  head: number;
  /** Requests in the window not (yet) in a hot spot. */
  waiting: Sighting[];
  /** Requests let go (in no hot spot) since the last hot spot's last request. */
  cold: number;
  clusters: Cluster[];
}
