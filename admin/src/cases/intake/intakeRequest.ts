/** Digits of a number the agent typed (138 1234 1234, 0971-1234567). */
const digitCount = (s: unknown) => (typeof s === 'string' ? s.replace(/\D/g, '').length : 0);

/**
 * The form's values as POST /api/cases takes them: empty fields left out; with a resident picked, a
 * number typed only in part (what found them) is left out too, so the case takes the resident's own.
 */
export function toIntakeRequest(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== '' && v !== null && v !== undefined) out[k] = v;
  if (typeof out.reporterPhone === 'string') out.reporterPhone = out.reporterPhone.trim();
  if (out.residentId != null && digitCount(out.reporterPhone) < 10) delete out.reporterPhone;
  return out;
}
