import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { BoundedGate, GateFull } from '../common/bounded-gate.js';
import { text } from '../common/localize.js';
import { tooManyRequests } from '../common/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** What a sign-in told to come back later waits: about one queue's worth of hashes. */
const BUSY_RETRY_SECONDS = 2;

/**
 * Every argon2 hash the API computes (sign-in, a new or changed password) goes through one gate: at most
 * LOGIN_HASH_CONCURRENCY at a time, LOGIN_HASH_QUEUE more waiting, and beyond that a 429 with Retry-After at
 * once. A flood of sign-ins then costs a bounded amount of memory (each hash holds 19 MiB while it runs) and
 * a real sign-in waits behind at most the queue, not behind every attempt.
 */
@Injectable()
export class PasswordHasher {
  private readonly gate: BoundedGate;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.gate = new BoundedGate(config.login.hashConcurrency, config.login.hashQueue);
  }

  hash(plain: string): Promise<string> {
    return this.through(() => hashPassword(plain));
  }

  verify(hash: string, plain: string): Promise<boolean> {
    return this.through(() => verifyPassword(hash, plain));
  }

  private async through<T>(job: () => Promise<T>): Promise<T> {
    try {
      return await this.gate.run(job);
    } catch (e) {
      if (e instanceof GateFull) throw tooManyRequests('signInBusy', BUSY_RETRY_SECONDS, { wait: text('waitSeconds', { n: BUSY_RETRY_SECONDS }) });
      throw e;
    }
  }
}
