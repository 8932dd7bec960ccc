import { sha256 } from './sha256';

/** The server's proof of work (api/src/public/proof-of-work.ts): `GET /api/public/challenge`. */
export interface Challenge {
  challenge: string;
  bits: number;
}

export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b !== 0) return n + Math.clz32(b) - 24;
    n += 8;
  }
  return n;
}

export const solves = ({ challenge, bits }: Challenge, nonce: string) => leadingZeroBits(sha256(`${challenge}:${nonce}`)) >= bits;

/**
 * The first decimal nonce that solves the challenge (about 2^bits tries: ~16,000 at 14 bits). It tries a chunk at
 * a time and lets the page breathe between chunks (`pause`), so typing and scrolling stay smooth meanwhile.
 */
export async function solveChallenge(c: Challenge, pause: () => Promise<void> = nextTask, chunk = 2000): Promise<string> {
  for (let start = 0; ; start += chunk) {
    for (let i = start; i < start + chunk; i++) if (solves(c, String(i))) return String(i);
    await pause();
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
