import { pathIds } from '../common/tree.js';
import { DEFAULT_POLICY, type LimitPolicy } from '../workflow/time-limits.js';

type LimitKey = keyof LimitPolicy;

/** A limit that applies to a category, and where it is set: the category itself, an ancestor (by id) or the default (null). */
export interface AppliedLimit<V = unknown> {
  value: V;
  from: number | null;
}

export type AppliedLimits = { [K in LimitKey]: AppliedLimit<NonNullable<LimitPolicy[K]>> };

const KEYS = Object.keys(DEFAULT_POLICY) as LimitKey[];

/**
 * The limits that apply to a category and who sets each (its chain: itself first, then its ancestors), as
 * `effectivePolicy` decides them: the first level that sets a field wins, the resolve unit travels with the
 * resolve amount, and the defaults fill the rest. What the console shows as inherited (继承).
 */
export function appliedLimits(chain: readonly (LimitPolicy & { id: number })[]): AppliedLimits {
  const out = {} as Record<LimitKey, AppliedLimit>;
  for (const key of KEYS) {
    const owner = chain.find((c) => c[key] !== null && c[key] !== undefined);
    out[key] = owner ? { value: owner[key], from: owner.id } : { value: DEFAULT_POLICY[key], from: null };
  }
  const resolveOwner = chain.find((c) => c.resolveLimit !== null && c.resolveLimit !== undefined);
  if (resolveOwner) out.resolveUnit = { value: resolveOwner.resolveUnit ?? 'workdays', from: resolveOwner.id };
  return out as AppliedLimits;
}

/** Every category's applied limits, from the whole (small) table: chains read along the materialized paths. */
export function appliedLimitsOfAll(rows: readonly (LimitPolicy & { id: number; path: string })[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((r) => ({
    id: r.id,
    limits: appliedLimits(
      pathIds(r.path)
        .reverse()
        .map((id) => byId.get(id))
        .filter((c): c is LimitPolicy & { id: number; path: string } => !!c),
    ),
  }));
}
