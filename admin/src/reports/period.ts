/**
 * Report periods as plain dates (YYYY-MM-DD, inclusive), counted in the deployment's time zone, whatever the
 * browser's own zone: a supervisor in another zone still gets the day the server counts.
 */
export const TIME_ZONE = 'Asia/Shanghai';

export interface Period {
  from: string;
  to: string;
}

export const QUICK_PICKS = ['this_week', 'this_month', 'last_month', 'last_30_days'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

const DAY = 86_400_000;

/** The calendar date of an instant in the time zone. */
export function dateIn(now: Date = new Date(), timeZone = TIME_ZONE): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Plain-date arithmetic on UTC midnights: no zone, no daylight saving in the way. */
const toUtc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => fromUtc(toUtc(date) + days * DAY);

/** Monday of the date's week (weeks start on Monday in China). */
export const weekStart = (date: string) => addDays(date, -((new Date(toUtc(date)).getUTCDay() + 6) % 7));

/** The API's default period: 30 days through today. */
export const last30Days = (now: Date = new Date()): Period => {
  const today = dateIn(now);
  return { from: addDays(today, -29), to: today };
};

export function quickPick(pick: QuickPick, now: Date = new Date()): Period {
  const today = dateIn(now);
  switch (pick) {
    case 'this_week':
      return { from: weekStart(today), to: today };
    case 'this_month':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'last_month': {
      const firstOfThis = `${today.slice(0, 8)}01`;
      const lastOfPrev = addDays(firstOfThis, -1);
      return { from: `${lastOfPrev.slice(0, 8)}01`, to: lastOfPrev };
    }
    case 'last_30_days':
      return last30Days(now);
  }
}

/** Which quick pick a period is, if any (to light its button). */
export const matchingPick = (period: Period, now: Date = new Date()): QuickPick | undefined =>
  QUICK_PICKS.find((p) => {
    const q = quickPick(p, now);
    return q.from === period.from && q.to === period.to;
  });

export const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(toUtc(s));

