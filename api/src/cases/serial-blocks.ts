/**
 * Case numbers on PostgreSQL without a hot row: each API instance takes a block of a day's serials from
 * `case_counters` in one statement of its own (committed at once, so its row lock lasts microseconds and
 * is never held while Node works on an intake) and hands them out from memory.
 *
 * What this gives up, and why that is acceptable: DOMAIN.md asks for a number that is unique, readable on
 * the phone and made of the date and a daily serial; it does not ask for serials without gaps or in the
 * order of arrival across instances. Serials left in a block when an instance stops (or when an intake's
 * write fails after its number was taken) are never used, and two instances hand out interleaved ranges
 * (…0101 at A while B is at …0201). A serial is never given twice: a block is never given back, and the
 * counter only moves forward (the bulk generator reserves its serials the same way).
 *
 * Today's blocks are large (intake is busy today); a request logged for an earlier day takes exactly what
 * it needs, so old days are not left with holes.
 */

/** Runs one statement outside any caller's transaction (a reserved block must never be rolled back). */
export type AutocommitQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const RESERVE_SQL = `INSERT INTO case_counters (day, last) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET last = case_counters.last + excluded.last RETURNING last`;

/** Serials per block for the busiest day: a restart leaves at most this many unused. */
const BLOCK = 100;

interface Block {
  next: number;
  end: number;
  /** Serials given back by a batch (requests refused before their number), handed out first. */
  spare: number[];
}

const left = (b: Block) => b.spare.length + b.end - b.next + 1;

export interface Claim {
  next(day: string): number;
  release(): void;
}

export class SerialBlocks {
  private readonly blocks = new Map<string, Block>();
  /** The reservation under way per day: concurrent batches wait for the same one instead of each taking a block. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly query: AutocommitQuery) {}

  /**
   * Claims `count` serials of each day for one batch (`today` as `YYYYMMDD`) and returns where the batch
   * takes them from, one by one; `release` gives back what it did not use (a request refused before its
   * number).
   */
  async claim(needs: ReadonlyMap<string, number>, today: string): Promise<Claim> {
    const claimed = new Map<string, number[]>();
    for (const [day, count] of needs) {
      for (;;) {
        const waiting = this.pending.get(day);
        if (waiting) {
          await waiting;
          continue;
        }
        const have = this.blocks.get(day);
        if (have && left(have) >= count) {
          // Synchronously after the check: no other batch can take these between.
          claimed.set(day, Array.from({ length: count }, () => have.spare.shift() ?? have.next++));
          break;
        }
        const taking = this.take(day, count, have, day >= today);
        this.pending.set(day, taking);
        try {
          await taking;
        } finally {
          this.pending.delete(day);
        }
      }
    }
    return {
      next: (day) => {
        const serial = claimed.get(day)?.shift();
        if (serial === undefined) throw new Error(`no serial of ${day} claimed`);
        return serial;
      },
      // What the batch did not use goes back, so that a refused request leaves no gap.
      release: () => {
        for (const [day, rest] of claimed) {
          const b = this.blocks.get(day);
          if (b && rest.length) b.spare = [...rest, ...b.spare].sort((x, y) => x - y);
        }
        claimed.clear();
      },
    };
  }

  private async take(day: string, count: number, have: Block | undefined, today: boolean) {
    const size = today ? Math.max(BLOCK, count) : count;
    const [row] = await this.query(RESERVE_SQL, [day, size]);
    const last = Number(row.last);
    const first = last - size + 1;
    // What is left of the old block is used first (its spares, and its range if it runs straight on into the new one).
    const spare = have ? [...have.spare] : [];
    if (have && have.next <= have.end && have.end + 1 !== first) for (let s = have.next; s <= have.end; s++) spare.push(s);
    this.blocks.set(day, have && have.next <= have.end && have.end + 1 === first ? { next: have.next, end: last, spare } : { next: first, end: last, spare });
    // Yesterday's leftovers will not be asked for again (a late entry takes exactly what it needs).
    if (today) for (const d of this.blocks.keys()) if (d < day) this.blocks.delete(d);
  }
}
