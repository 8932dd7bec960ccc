import type { AuthUser } from '../auth/auth-user.js';
import { maskedFields } from '../common/masked-fields.js';

/**
 * Who may see a caller's full number on the case's own page: everyone who calls residents back. Supervisors audit
 * and never call, so they see it masked everywhere, and may therefore neither filter nor search by it (DOMAIN.md,
 * personal data: no filter on a value the caller sees masked).
 */
export function seesFullPhone(user: Pick<AuthUser, 'role'>): boolean {
  return user.role !== 'supervisor';
}

/** A term typed into the search box that can only be a whole phone number (landline or mobile, no hyphen). */
export const PHONE_TERM = /^\+?\d{7,15}$/;

/** The case list's masked fields: the caller's number, which intake staff may still match whole (and logged). */
export const PHONE_MASKED = maskedFields(['reporterPhone']);
export const PHONE_BY_EXACT_NUMBER = maskedFields(['reporterPhone'], ['reporterPhone']);

/** Whether this list may match a caller's whole number (the list then records the lookup in the access log). */
export const findsByExactPhone = (masked: { exact?: ReadonlySet<string> } | undefined) => masked?.exact?.has('reporterPhone') ?? false;
