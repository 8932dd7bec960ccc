import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, LoginConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { tooManyRequests } from '../common/errors.js';
import { text, type Text } from '../common/localize.js';
import { RateLimiter } from '../common/rate-limiter.js';

/** "in 45 s", "in 15 min": seconds up to two minutes, whole minutes (rounded up) beyond. */
export function waitWords(ms: number): Text {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds <= 120 ? text('waitSeconds', { n: seconds }) : text('waitMinutes', { n: Math.ceil(seconds / 60) });
}

/**
 * Failed sign-ins counted per username (LOGIN_ACCOUNT_…: a password guessed at one account) and per client
 * address (LOGIN_ADDRESS_…: many accounts tried from one place), in the database (common/rate-limiter.ts).
 * A locked username or address is refused with 429 before any password work; a successful sign-in clears the
 * username's count but not the address's, or one known account would reset an address trying others.
 * Usernames are counted whether or not they exist, so a lock tells nothing about which do.
 */
@Injectable()
export class LoginThrottle {
  private readonly rules: LoginConfig;

  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = config.login;
  }

  /** 429 with Retry-After when the username or the address is locked. */
  async assertOpen(username: string, address: string): Promise<void> {
    this.refuseIfLocked(await this.limiter.lockedFor([accountKey(username), addressKey(address)]));
  }

  /** Counts a failure against both; 429 at once when it is the one that locks either. */
  async failed(username: string, address: string): Promise<void> {
    const [account, place] = await Promise.all([this.limiter.hit(accountKey(username), this.rules.account), this.limiter.hit(addressKey(address), this.rules.address)]);
    this.refuseIfLocked(Math.max(account, place));
  }

  async succeeded(username: string): Promise<void> {
    await this.limiter.clear(accountKey(username));
  }

  private refuseIfLocked(ms: number) {
    if (ms > 0) throw tooManyRequests('signInLocked', ms / 1000, { wait: waitWords(ms) });
  }
}

// Usernames are compared as typed, but counted case-blind: `Admin` and `admin` are the same guesses.
const accountKey = (username: string) => `login:account:${username.toLowerCase()}`;
const addressKey = (address: string) => `login:address:${address}`;
