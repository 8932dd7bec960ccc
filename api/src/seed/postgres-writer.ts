/**
 * Writes generated cases to PostgreSQL with COPY (text format, pg-copy-format.ts makes the lines).
 * Into a database that holds more, a batch per transaction, its ids and serials taken just before it. In a
 * bulk session (one transaction, pg-bulk-session.ts) the worker sends batches already formatted, and they
 * go a few thousand cases to a COPY while the next ones arrive: the connection is never idle waiting for
 * this thread, nor this thread for the database.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { quotedNames } from '../database/sql-dialect.js';
import type { RowBatch } from './case-rows.js';
import { CopyFormatter, type CopyBatch } from './pg-copy-format.js';

/** A connection of pg's pool, as far as the loader uses it (pg ships no types here). */
export interface PgClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  query<T>(stream: T): T;
  release(): void;
}

/** Cases sent per COPY in a bulk session: the stream's batches are at most 500 cases of a day. */
const CASES_PER_COPY = 5_000;

/** Rows waiting for their table's next COPY: each batch's lines as one piece of text. */
type Held = Map<string, { columns: string[]; pieces: string[] }>;

export class PostgresCaseWriter {
  private held: Held = new Map();
  private heldCases = 0;
  /** The COPYs under way (bulk session), if any: one send at a time on the connection. */
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly client: PgClient) {}

  /**
   * A batch already formatted, in the caller's transaction (a bulk session): sent with the next ones once
   * enough are held. Returns the number of events written.
   */
  async writeFormatted(b: CopyBatch): Promise<number> {
    this.hold(b);
    if (this.heldCases >= CASES_PER_COPY) {
      // The previous send first (a failure surfaces here), then this one runs on while the next batches arrive.
      await this.sending;
      this.sending = this.send(this.take());
      this.sending.catch(() => undefined);
    }
    return b.events;
  }

  /** Sends what is held and waits for every COPY under way. */
  async finish(): Promise<void> {
    await this.sending;
    await this.send(this.take());
  }

  private hold(b: CopyBatch) {
    for (const { table, columns, text } of b.pieces) {
      if (!text) continue;
      const held = this.held.get(table);
      if (held) held.pieces.push(text);
      else this.held.set(table, { columns, pieces: [text] });
    }
    this.heldCases += b.count;
  }

  private take(): Held {
    const taken = this.held;
    this.held = new Map();
    this.heldCases = 0;
    return taken;
  }

  /** A COPY per table of what was held (tables in the order first given: cases first). */
  private async send(held: Held): Promise<void> {
    for (const [table, { columns, pieces }] of held) {
      const stream = this.client.query(copyFrom(`COPY "${table}" (${quotedNames(columns)}) FROM STDIN`));
      await pipeline(Readable.from(pieces), stream);
    }
  }

  /**
   * A batch into a database in use, in a transaction of its own: ids from the cases' sequence and serials
   * from the day's counter, taken first outside it (never held while it writes; intake running meanwhile
   * continues after them), then formatted here. Returns the number of events written.
   */
  async writeBatch(b: RowBatch, formatter: CopyFormatter): Promise<number> {
    const last = (await this.client.query(`INSERT INTO case_counters (day, last) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET last = case_counters.last + excluded.last RETURNING last`, [b.day, b.count])).rows[0].last;
    const ids = (await this.client.query(`SELECT nextval('cases_id_seq')::int AS id FROM generate_series(1, $1)`, [b.count])).rows.map((r) => Number(r.id));
    const formatted = formatter.format(b, Number(last) - b.count + 1, ids);
    await this.client.query('BEGIN');
    try {
      this.hold(formatted);
      await this.send(this.take());
      await this.client.query('COMMIT');
    } catch (err) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    return formatted.events;
  }
}

