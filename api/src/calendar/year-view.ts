import chineseDays from 'chinese-days';
import { dateOfDay, dayNumber } from './work-calendar.js';

/** How the official calendar marks a day: a public holiday, a make-up working day (调休上班), or neither. */
export type OfficialKind = 'holiday' | 'makeup' | null;

export interface CorrectionRow {
  id: number;
  date: string;
  workday: boolean;
  name: string | null;
}

export interface YearDay {
  date: string;
  /** Whether the day is worked, corrections applied. */
  workday: boolean;
  official: { workday: boolean; kind: OfficialKind; name: string | null };
  correction: { id: number; workday: boolean; name: string | null } | null;
}

/** The package names special days `National Day,国庆节,3` and ordinary ones by their weekday (`Monday`). */
const holidayName = (raw: string | undefined) => (raw?.includes(',') ? (raw.split(',')[1] ?? null) : null);

/** One day as the official calendar has it. */
export function officialDay(date: string): YearDay['official'] {
  const detail = chineseDays.getDayDetail(date);
  const workday = chineseDays.isWorkday(date);
  const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const name = holidayName(detail?.name);
  const kind: OfficialKind = !workday && name ? 'holiday' : workday && weekend ? 'makeup' : null;
  return { workday, kind, name: kind ? name : null };
}

/**
 * Every day of a year with the official calendar's verdict and the local correction over it, if any: what the
 * console's year view draws, and what a click toggles (a correction is created against the official day, or
 * removed to fall back on it).
 */
export function yearDays(year: number, corrections: readonly CorrectionRow[]): YearDay[] {
  const byDate = new Map(corrections.map((c) => [c.date, c]));
  const first = dayNumber(`${year}-01-01`);
  const next = dayNumber(`${year + 1}-01-01`);
  const out: YearDay[] = [];
  for (let d = first; d < next; d++) {
    const date = dateOfDay(d);
    const official = officialDay(date);
    const c = byDate.get(date);
    out.push({ date, workday: c ? c.workday : official.workday, official, correction: c ? { id: c.id, workday: c.workday, name: c.name } : null });
  }
  return out;
}
