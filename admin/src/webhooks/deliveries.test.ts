import { describe, expect, it } from 'vitest';
import { randomSecret, retryable } from './deliveries';

describe('webhook deliveries', () => {
  it('offers 重试 on failed and pending deliveries, never on delivered ones', () => {
    expect(retryable('failed')).toBe(true);
    expect(retryable('pending')).toBe(true);
    expect(retryable('delivered')).toBe(false);
  });
  it('makes a secret long enough for the API (16+), of letters and digits, different each time', () => {
    const a = randomSecret();
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(randomSecret()).not.toBe(a);
    expect(randomSecret(16, (n) => new Uint8Array(n))).toBe('A'.repeat(16));
  });
});
