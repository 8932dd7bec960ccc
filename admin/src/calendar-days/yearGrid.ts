/** One day of `GET /api/calendar/years/:year`. */
export interface YearDay {
  date: string;
  workday: boolean;
  official: { workday: boolean; kind: 'holiday' | 'makeup' | null; name: string | null };
  correction: { id: number; workday: boolean; name: string | null } | null;
}

/**
 * A month as the calendar on the wall has it: weeks from Monday, blank cells (null) before the 1st and after the
 * last day. `days` are the month's days in order.
 */
export function monthWeeks<D extends { date: string }>(days: readonly D[]): (D | null)[][] {
  if (!days.length) return [];
  const first = new Date(`${days[0].date}T00:00:00Z`).getUTCDay();
  const cells: (D | null)[] = [...Array((first + 6) % 7).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** What a click on a day does: remove its correction (back to the official day), or correct it to the opposite. */
export function toggleOf(day: YearDay): { remove: number } | { create: { date: string; workday: boolean } } {
  return day.correction ? { remove: day.correction.id } : { create: { date: day.date, workday: !day.official.workday } };
}
