import { fieldError } from './errors.js';
import type { Operator } from './list-query.js';

/**
 * Personal data a caller sees masked may be neither filtered, sorted nor searched on: every answer would tell
 * one more thing about the hidden digits (`filter={"id":150,"phone_gte":"139…"}` reads a number back by
 * binary search in 34 requests). A service names, per request, the fields its answer masks for this caller;
 * the list-query parser refuses them in one place (`refuseMasked`), and keyword searches leave them out.
 */
export interface MaskedFields {
  /** Masked for this caller: no filter with any operator (equality and IN included), no sort. */
  readonly fields: ReadonlySet<string>;
  /**
   * Of those, the ones this caller may still look up by one whole exact value: intake staff finding a caller by
   * the number on the line (the lookup is written to the access log). Nothing is learnt digit by digit.
   */
  readonly exact?: ReadonlySet<string>;
}

export const NOTHING_MASKED: MaskedFields = { fields: new Set() };

export function maskedFields(fields: readonly string[], exact: readonly string[] = []): MaskedFields {
  return { fields: new Set(fields), exact: new Set(exact) };
}

export const isMasked = (masked: MaskedFields | undefined, field: string) => masked?.fields.has(field) ?? false;

/** 400 naming the filter key (or `sort`) when it touches a field the caller sees masked. */
export function refuseMasked(masked: MaskedFields | undefined, key: string, field: string, op: Operator | 'sort') {
  if (!masked?.fields.has(field)) return;
  if (op === 'eq' && masked.exact?.has(field)) return;
  throw fieldError(key, 'maskedField');
}
