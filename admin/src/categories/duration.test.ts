import { describe, expect, it } from 'vitest';
import { fromHours, toHours } from './duration';

describe('limits in minutes and hours', () => {
  it('shows a limit under an hour in minutes', () => {
    expect(fromHours(0.5)).toEqual({ amount: 30, unit: 'minutes' });
    expect(fromHours(0.25)).toEqual({ amount: 15, unit: 'minutes' });
  });
  it('keeps whole and half hours in hours, other fractions in minutes', () => {
    expect(fromHours(24)).toEqual({ amount: 24, unit: 'hours' });
    expect(fromHours(1.5)).toEqual({ amount: 1.5, unit: 'hours' });
    expect(fromHours(1.25)).toEqual({ amount: 75, unit: 'minutes' });
  });
  it('sends the API hours, and a round trip gives back what was typed', () => {
    expect(toHours({ amount: 30, unit: 'minutes' })).toBe(0.5);
    expect(toHours({ amount: 2, unit: 'hours' })).toBe(2);
    expect(fromHours(toHours({ amount: 20, unit: 'minutes' }))).toEqual({ amount: 20, unit: 'minutes' });
  });
});
