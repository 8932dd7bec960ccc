/** 红黄绿 of one clock: green more than 24 h left, yellow within 24 h, red past due; done/late once the step happened. */
export type DueBadgeState = 'green' | 'yellow' | 'red' | 'done' | 'late';

const DAY_MS = 24 * 3_600_000;

export function dueBadgeState(due: string | Date | null | undefined, done: string | Date | null | undefined, now: Date = new Date()): DueBadgeState | null {
  if (!due) return null;
  const dueMs = new Date(due).getTime();
  if (done) return new Date(done).getTime() <= dueMs ? 'done' : 'late';
  const left = dueMs - now.getTime();
  if (left < 0) return 'red';
  return left <= DAY_MS ? 'yellow' : 'green';
}

export const BADGE_COLOR: Record<DueBadgeState, 'success' | 'warning' | 'error' | 'default'> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  done: 'default',
  late: 'error',
};

/** "3天4小时" / "3d 4h": how far a time is from now, coarse enough to read at a glance. */
export function spanParts(ms: number): { days: number; hours: number; minutes: number } {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  return { days, hours, minutes };
}
