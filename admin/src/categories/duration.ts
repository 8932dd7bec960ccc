/** Limits are kept in hours (the API's unit); under an hour people think in minutes (紧急签收 30 分钟, not 0.25 小时). */
export type DurationUnit = 'minutes' | 'hours';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** How a limit in hours is shown and edited: minutes under an hour, and for odd fractions (1.25 h is 75 minutes; 1.5 h stays hours). */
export function fromHours(hours: number): Duration {
  const minutes = round(hours * 60, 6);
  if (hours < 1 || (Number.isInteger(minutes) && !Number.isInteger(round(hours * 2, 6)))) return { amount: minutes, unit: 'minutes' };
  return { amount: hours, unit: 'hours' };
}

/** The API's hours for an amount in a unit (30 min → 0.5); unrounded, so 20 minutes come back as 20. */
export const toHours = ({ amount, unit }: Duration): number => (unit === 'minutes' ? amount / 60 : amount);
