import { fieldError } from './errors.js';

/** The largest id (and whole-number column): 32-bit integers on both engines. */
export const MAX_ID = 2_147_483_647;

/** An id as people write one: no sign, no leading zero, no `0x10`, `1e2` or spaces. */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;

/**
 * An id from a path, a query or a JSON body (a number, or its digits written the one canonical way), or a
 * 400 naming `field`: no record answers to another spelling of its id, and none past a 32-bit integer
 * (PostgreSQL would refuse to compare one; SQLite would look for it in vain).
 */
export function idOf(v: unknown, field: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && CANONICAL_ID.test(v) ? Number(v) : NaN;
  if (Number.isInteger(n) && n > MAX_ID) throw fieldError(field, 'max', { max: MAX_ID });
  if (!Number.isInteger(n) || n < 1) throw fieldError(field, 'wholeNumber');
  return n;
}
