/** A webhook delivery's state, in the API's words (CONTRACT.md): pure helpers for the chips and the 重试 button. */
export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const STATE_COLOR: Record<DeliveryState, 'warning' | 'success' | 'error'> = { pending: 'warning', delivered: 'success', failed: 'error' };

/** A failed delivery, or a pending one waiting out its back-off, may be tried again now; a delivered one is done. */
export const retryable = (state: string) => state === 'failed' || state === 'pending';

/**
 * A random secret for a new receiver (the API asks at least 16 characters): 32 letters and digits, so an
 * admin need not invent one. Shown once in the form, to be copied to the receiver before saving.
 */
export function randomSecret(length = 32, random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from(random(length), (b) => alphabet[b % alphabet.length]).join('');
}
