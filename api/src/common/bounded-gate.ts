/** Thrown by `BoundedGate.run` when the queue is full: the caller answers "busy, try again shortly". */
export class GateFull extends Error {
  constructor() {
    super('gate full');
  }
}

/**
 * At most `concurrency` jobs at a time, at most `queue` more waiting, first come first served; beyond that a
 * job is refused at once (GateFull) rather than queued, so a flood costs a refusal, not memory or minutes of
 * waiting. Password hashing goes through one: each argon2 hash holds its memory (19 MiB) while it runs.
 */
export class BoundedGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new GateFull();
      // The job that finishes hands its place straight to this one (`running` is not decremented in between).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
