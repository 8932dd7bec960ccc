/** A time as residents read it, in the phone's own time zone: 2026-12-03 15:04. */
export function clock(iso: string | Date): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Just the hour and minute when it is today, else the whole clock: when a refused request may try again. */
export function whenAgain(at: Date, now = new Date()): string {
  return at.toDateString() === now.toDateString() ? clock(at).slice(11) : clock(at);
}

/** The longer side at most `max`, the proportions kept; never enlarged. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
