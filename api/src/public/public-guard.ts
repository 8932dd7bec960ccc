import { Inject, Injectable } from '@nestjs/common';
import { fieldError, tooManyRequests } from '../common/errors.js';
import { RateLimiter, type LimitRule } from '../common/rate-limiter.js';
import type { AppConfig, PublicDoorConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { waitWords } from '../auth/login-throttle.js';
import { CHALLENGE_TTL_MS, issueChallenge, solvedChallengeId } from './proof-of-work.js';

/**
 * What stands between the public and the database: a proof of work per request asked, limits per client
 * address and per phone number, and a lock on guessing follow codes (per address and per case number). Every
 * count is kept in the database (common/rate-limiter.ts), so several instances count the same requests.
 */
@Injectable()
export class PublicGuard {
  private readonly rules: PublicDoorConfig;
  private readonly key: string;

  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = config.publicDoor;
    this.key = config.jwtSecret;
  }

  challenge() {
    return issueChallenge(this.key, this.rules.challengeBits);
  }

  /** A solved, unspent challenge, spent now (400 naming `challenge` otherwise). */
  async spendChallenge(challenge: unknown, nonce: unknown): Promise<void> {
    if (this.rules.challengeBits === 0) return;
    const id = solvedChallengeId(this.key, challenge, nonce, this.rules.challengeBits);
    // Its second use reaches the limit of 2 and is refused; the first passes.
    const spent = id === null || (await this.limiter.hit(`public:challenge:${id}`, { limit: 2, windowMs: CHALLENGE_TTL_MS, lockMs: CHALLENGE_TTL_MS, maxLockMs: CHALLENGE_TTL_MS })) > 0;
    if (spent) throw fieldError('challenge', 'publicChallenge');
  }

  /** Counts a request asked from this address (and phone): the one past either limit is refused with 429. */
  async countAsk(address: string, phone: string | null | undefined): Promise<void> {
    const keys = [`public:ask:address:${address}`, ...(phone ? [`public:ask:phone:${phone}`] : [])];
    this.refuse(await this.limiter.lockedFor(keys));
    const waits = await Promise.all([this.hitAllowing(keys[0], this.rules.perAddress), phone ? this.hitAllowing(keys[1], this.rules.perPhone) : 0]);
    this.refuse(Math.max(...waits));
  }

  /** Before a follow code is checked: refused while the address or the case number is locked. */
  async assertMayFollow(address: string, number: string): Promise<void> {
    this.refuse(await this.limiter.lockedFor([guessKey(address), caseKey(number)]));
  }

  /** A wrong code counts against the address and the number. */
  async wrongCode(address: string, number: string): Promise<void> {
    await Promise.all([this.limiter.hit(guessKey(address), this.rules.guessesPerAddress), this.limiter.hit(caseKey(number), this.rules.guessesPerCase)]);
  }

  /** `limit` requests pass in a window; the limiter locks on the hit that reaches its limit, so one more is allowed. */
  private hitAllowing(key: string, rule: LimitRule) {
    return rule.limit === 0 ? Promise.resolve(0) : this.limiter.hit(key, { ...rule, limit: rule.limit + 1 });
  }

  private refuse(ms: number) {
    if (ms > 0) throw tooManyRequests('publicTooMany', ms / 1000, { wait: waitWords(ms) });
  }
}

const guessKey = (address: string) => `public:guess:address:${address}`;
const caseKey = (number: string) => `public:guess:case:${number}`;
