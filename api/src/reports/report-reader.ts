/**
 * Where a report's queries run, one implementation per engine chosen once (database/engine.module.ts). On
 * PostgreSQL each report reads in a transaction of its own, with a statement timeout, on the replica when
 * DATABASE_READ_URL names one, and is cancelled when its client goes away (a closed tab, a proxy's timeout),
 * so a year of hot spots nobody waits for stops using the database. On SQLite a statement runs synchronously
 * on the one connection and cannot be interrupted: its bound is the report budgets themselves.
 *
 * The report services need not pass anything along: their queries (`ReportsService.inPeriod`, the rollups'
 * reader) take the runner of the report under way through `onReportRunner`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { unavailable } from '../common/errors.js';

export const REPORT_READER = Symbol('ReportReader');

export interface ReportReader {
  /** Runs one report's queries; `gone` aborts when its client has gone. */
  read<T>(gone: AbortSignal | undefined, work: () => Promise<T>): Promise<T>;
}

/** The report under way: its runner where its engine gives one, and what it has already read once. */
interface ReportUnderWay {
  runner?: QueryRunner;
  memo: Map<string, Promise<unknown>>;
}

const current = new AsyncLocalStorage<ReportUnderWay>();

/** The query runner of the report under way, if its engine gives one. */
export const reportRunner = (): QueryRunner | undefined => current.getStore()?.runner;

/**
 * What `read` answers for `key`, read once per report: the parts of a report (the daily report's intake and hot
 * spots) ask the same small questions (a subtree's levels), and on PostgreSQL each is a round trip on the report's
 * one connection, in line with its other statements. Outside a report, read every time.
 */
export function reportMemo<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = current.getStore()?.memo;
  if (!memo) return read();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) memo.set(key, (hit = read()));
  return hit;
}

/** A report's query, on the runner of the report under way when its engine gives one. */
export function onReportRunner<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const runner = reportRunner();
  return runner ? qb.setQueryRunner(runner) : qb;
}

export class DirectReportReader implements ReportReader {
  read<T>(_gone: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    return current.run({ memo: new Map() }, work);
  }

}

export class PostgresReportReader implements ReportReader {
  constructor(
    /** The primary, or the replica of DATABASE_READ_URL (database/engine.module.ts). */
    private readonly source: DataSource,
    private readonly timeoutMs: number,
  ) {}

  async read<T>(gone: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    const runner = this.source.createQueryRunner('slave');
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      // From another connection: the report's own is busy with the statement to stop.
      if (pid !== undefined) void this.source.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined);
    };
    let pid: number | undefined;
    try {
      await runner.connect();
      await runner.startTransaction();
      // The timeout and the pid to cancel in one round trip (`set_config(…, true)` is `SET LOCAL`).
      [{ pid }] = await runner.query(`SELECT set_config('statement_timeout', '${Math.round(this.timeoutMs)}', true), pg_backend_pid() AS pid`);
      if (gone?.aborted) cancel();
      gone?.addEventListener('abort', cancel, { once: true });
      const out = await current.run({ runner, memo: new Map() }, work);
      await runner.commitTransaction();
      return out;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      // 57014: cancelled, by the timeout or by us when the client went (then nobody reads the answer).
      if ((err as { code?: string }).code === '57014' && !cancelled) throw unavailable('reportTooLong', 5, { seconds: String(Math.round(this.timeoutMs / 1000)) });
      throw err;
    } finally {
      gone?.removeEventListener('abort', cancel);
      // A cancel may arrive after the statement it meant: the connection is not given to anyone else then.
      // (pg's pool destroys a client released with an error; TypeORM's release() takes none.)
      const pg = runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> };
      await (cancelled ? pg.releasePostgresConnection(new Error('report cancelled')) : runner.release()).catch(() => undefined);
    }
  }
}
