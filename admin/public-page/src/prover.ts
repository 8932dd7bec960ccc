import { solveChallenge } from './challenge';
import type { PublicApi } from './api';

/** A challenge is good for 10 minutes on the server; one older than this is fetched again rather than risked. */
const FRESH_MS = 8 * 60_000;

/**
 * The proof of work, done ahead: a challenge is fetched and solved while the resident is still typing, so that
 * 提交 does not wait for it. Each solution is used once; the next one is prepared when it is taken.
 */
export function prover(api: Pick<PublicApi, 'challenge'>, now = () => Date.now()) {
  let ready: Promise<{ challenge: string; nonce: string; at: number }> | null = null;
  const prepare = () => {
    const at = now();
    const solving = api.challenge().then(async (c) => ({ challenge: c.challenge, nonce: await solveChallenge(c), at }));
    ready = solving;
    // A failed fetch is retried when the proof is needed, not reported while nobody waits for it.
    solving.catch(() => ready === solving && (ready = null));
    return solving;
  };
  return {
    /** Starts preparing (when 我要反映 is first shown). */
    warmUp: () => void (ready ?? prepare()),
    /** A solved, fresh, unused challenge. */
    async take(): Promise<{ challenge: string; nonce: string }> {
      let proof = await (ready ?? prepare()).catch(() => null);
      if (!proof || now() - proof.at > FRESH_MS) proof = await prepare();
      ready = null;
      return { challenge: proof.challenge, nonce: proof.nonce };
    },
  };
}
