import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a challenge may be solved and sent. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/**
 * A proof of work that needs no outside service (no captcha provider): the page asks for a challenge, finds a
 * nonce whose sha256 with it starts with `bits` zero bits (about 16,000 tries at 14 bits: a fraction of a second
 * on a phone, a real cost to a script sending thousands), and sends both with the request. The challenge carries
 * its difficulty, its expiry and a random id, signed with the server's key, so any instance checks it without
 * keeping it; its id is then spent (public-guard.ts), so one solution buys one request.
 */
export function issueChallenge(key: string, bits: number, now = Date.now()) {
  const body = `${bits}.${now + CHALLENGE_TTL_MS}.${randomBytes(12).toString('base64url')}`;
  return { challenge: `${body}.${sign(key, body)}`, bits };
}

/** The challenge's id when it is genuine, unexpired, at least `minBits` hard and solved by `nonce`; else null. */
export function solvedChallengeId(key: string, challenge: unknown, nonce: unknown, minBits: number, now = Date.now()): string | null {
  if (typeof challenge !== 'string' || typeof nonce !== 'string' || nonce.length > 32 || challenge.length > 200) return null;
  const parts = challenge.split('.');
  if (parts.length !== 4) return null;
  const [bits, expires, id, mac] = parts;
  const expected = Buffer.from(sign(key, `${bits}.${expires}.${id}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Number(bits) < minBits || Number(expires) < now) return null;
  return leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= Number(bits) ? id : null;
}

export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

/** What a client does (the page's worker; the tests): the first nonce that solves it. */
export function solveChallenge(challenge: string, bits: number): string {
  for (let i = 0; ; i++) {
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${i}`).digest()) >= bits) return String(i);
  }
}

const sign = (key: string, body: string) => createHmac('sha256', key).update(`public-challenge:${body}`).digest('base64url').slice(0, 22);
