/** How long a list's match count is taken as read when it only chooses how to find the next page. */
const FRESH_MS = 5_000;
/** Lists remembered at most (a few per signed-in user); past it the oldest go first. */
const MAX_LISTS = 2_000;

/**
 * The match counts of lists read a moment ago, by who asked and what they filtered (not their sort or page).
 * A list's total must be known before its page is looked for only to choose the index the page is found by
 * (`walksSortIndex`); a count seconds old chooses the same, so the next page, sort or refresh of the list can
 * count and find its page at once, on two connections, instead of one after the other. The count shown is
 * always the new one.
 */
export class RecentTotals {
  private readonly totals = new Map<string, { n: number; at: number }>();

  get(key: string): number | undefined {
    const hit = this.totals.get(key);
    return hit && Date.now() - hit.at < FRESH_MS ? hit.n : undefined;
  }

  set(key: string, n: number) {
    this.totals.delete(key);
    this.totals.set(key, { n, at: Date.now() });
    // A Map iterates in insertion order: its first key is the least recently counted.
    if (this.totals.size > MAX_LISTS) this.totals.delete(this.totals.keys().next().value!);
  }
}
