import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, solveChallenge, solves } from './challenge';
import { sha256 } from './sha256';

const node = (text: string) => createHash('sha256').update(text).digest('hex');
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe("the page's sha256", () => {
  it("matches Node's crypto for empty, short, block-edge, multi-block and Chinese input", () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(200), '有诉必应：电梯停了两天', '14.1764839200000.AbCdEfGh.xyz:16383'];
    for (const text of inputs) expect(hex(sha256(text)), JSON.stringify(text)).toBe(node(text));
  });
});

describe('the proof of work', () => {
  it('counts leading zero bits as the server does', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x10, 0xff]))).toBe(19);
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it("finds the server's answer: the first nonce whose hash starts with enough zero bits, pausing between chunks", async () => {
    const c = { challenge: '14.1764839200000.c2VjcmV0LWlk.abcdefghijklmnopqrstuv', bits: 12 };
    let pauses = 0;
    const nonce = await solveChallenge(c, async () => void pauses++, 500);
    // The server's own check (api/src/public/proof-of-work.ts), with Node's sha256.
    const zeros = (n: string) => leadingZeroBits(createHash('sha256').update(`${c.challenge}:${n}`).digest());
    expect(zeros(nonce)).toBeGreaterThanOrEqual(12);
    for (let i = 0; i < Number(nonce); i++) expect(zeros(String(i))).toBeLessThan(12);
    expect(pauses).toBe(Math.floor(Number(nonce) / 500));
    expect(solves(c, nonce)).toBe(true);
  });
});
