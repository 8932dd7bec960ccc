/** 我的待办: the buckets `GET /api/cases/todo` answers for the signed-in user, and what the console makes of them. */
export interface TodoBucket {
  key: string;
  count: number;
  /** A case-list filter the `/api/cases?filter=` endpoint understands. */
  filter: Record<string, unknown>;
}

/** One order for every role: what to act on first, then what to watch. Unknown keys go last, in the server's order. */
export const BUCKET_ORDER = ['to_sign', 'to_reply', 'to_handle', 'returned', 'to_follow_up', 'in_community', 'extensions', 'pause_requests', 'appeals', 'extension_pending', 'supervised', 'bounced', 'paused', 'overdue'];

/**
 * Buckets left out of the menu badge: `overdue` and `supervised` are flags on cases that already sit in another
 * bucket (counting them again would double them, as `bounced` would: they wait in `returned` or another), and
 * `extension_pending` and `paused` wait on the supervisor or the date, not on the user.
 */
export const WATCH_BUCKETS: ReadonlySet<string> = new Set(['overdue', 'supervised', 'extension_pending', 'bounced', 'paused']);

const rank = (key: string) => {
  const i = BUCKET_ORDER.indexOf(key);
  return i < 0 ? BUCKET_ORDER.length : i;
};

export function orderBuckets(buckets: readonly TodoBucket[]): TodoBucket[] {
  return buckets
    .map((b, i) => ({ b, i }))
    .sort((x, y) => rank(x.b.key) - rank(y.b.key) || x.i - y.i)
    .map(({ b }) => b);
}

/** The number on the menu entry: the cases waiting for this user to act. */
export function badgeTotal(buckets: readonly TodoBucket[]): number {
  return buckets.reduce((sum, b) => (WATCH_BUCKETS.has(b.key) ? sum : sum + b.count), 0);
}

/** The bucket to show: the one asked for (from the address), else the first with work in it, else the first. */
export function pickBucket(buckets: readonly TodoBucket[], wanted?: string | null): TodoBucket | undefined {
  return buckets.find((b) => b.key === wanted) ?? buckets.find((b) => b.count > 0 && !WATCH_BUCKETS.has(b.key)) ?? buckets[0];
}

/** Where a role lands after signing in: the people who work cases start at their to-do list; overseers at the dashboard. */
export function landingPath(role: string | undefined): string {
  return role === 'handler' || role === 'dispatcher' || role === 'grid_worker' ? '/todo' : '/';
}
