/**
 * How often each kind of key-population household is visited (days), by resident tag: VISIT_DAYS overrides
 * these (`elderly_alone=7,veteran=0`, 0: not tracked). A household with several tags follows the shortest.
 */
export const DEFAULT_VISIT_DAYS: Record<string, number> = {
  elderly_alone: 7,
  elderly_advanced: 14,
  disabled: 14,
  children_in_difficulty: 14,
  low_income: 30,
  chronic_illness: 30,
  left_behind: 30,
  veteran: 90,
  party_member: 0,
};

export function visitDaysOf(raw: string | undefined): Record<string, number> {
  const days = { ...DEFAULT_VISIT_DAYS };
  for (const part of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [tag, n] = part.split('=').map((s) => s.trim());
    const value = Number(n);
    if (!(tag in days) || !Number.isInteger(value) || value < 0) throw new Error(`VISIT_DAYS: "${part}" must be <tag>=<whole days ≥ 0>, tags: ${Object.keys(days).join(', ')}`);
    days[tag] = value;
  }
  return days;
}

/** The interval a household's tags ask for (the shortest tracked one), or null when none is tracked. */
export function intervalOf(tags: readonly string[], days: Record<string, number>): number | null {
  const tracked = tags.map((t) => days[t] ?? 0).filter((d) => d > 0);
  return tracked.length ? Math.min(...tracked) : null;
}
