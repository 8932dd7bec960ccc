import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendEvents } from '../timeline/append-events.js';
import { OPEN_STATUSES } from '../cases/case.constants.js';
import { Case } from '../cases/case.entity.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { retryWhenBusy } from '../database/database.module.js';
import { ADVISORY_LOCK, LOCKS, type AdvisoryLock } from '../database/advisory-lock.js';
import { CLOCK_DUE, CLOCK_FLAG, CLOCKS, type Clock } from './clocks.js';
import { overdueEvent } from './overdue.js';
import { WorkflowService } from './workflow.service.js';

/** Cases marked per transaction: short write locks, so intake and actions are not held up. */
const BATCH = 200;

/**
 * Open cases whose clock ran out while nobody touched them (the steps' own columns say the step has not
 * happened). Each clock's query is served by a partial index of the cases not flagged yet (migration
 * OverdueScanIndexes): the statuses, `NOT <flag>` and `pending` are written here exactly as in the index's condition, which is
 * how SQLite and PostgreSQL know the index holds every candidate. A pass reads the candidates and nothing else,
 * not the many cases already flagged.
 */
const RUNNING: Record<Clock, { statuses: readonly string[]; pending?: string }> = {
  signFor: { statuses: ['dispatched'], pending: 'c.acceptedAt IS NULL' },
  response: { statuses: OPEN_STATUSES, pending: 'c.respondedAt IS NULL' },
  resolve: { statuses: OPEN_STATUSES },
};

/** The statuses as literals, as the indexes' conditions name them (a bound parameter would not prove the match). */
const statusIn = (statuses: readonly string[]) => `c.status IN (${statuses.map((s) => `'${s}'`).join(', ')})`;

/**
 * The scheduled overdue scan: every `OVERDUE_SCAN_SECONDS` it flags the clocks that ran out since the last
 * write and writes one `overdue` event per case and clock. Safe with several API instances: each case is
 * flagged by a conditional UPDATE (`… AND flag = false`), and only the instance whose update took writes
 * the event. Writes made by people flag late clocks themselves (workflow `lateness`), so the scan only
 * catches cases that sat still. With several instances one scans at a time (AdvisoryLock: on PostgreSQL an advisory
 * lock); the others skip their turn rather than repeat its reads.
 */
@Injectable()
export class OverdueScanService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OverdueScan');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ADVISORY_LOCK) private readonly lock: AdvisoryLock,
    private readonly workflow: WorkflowService,
  ) {}

  onApplicationBootstrap() {
    const seconds = this.config.overdueScanSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  private async tick() {
    if (this.running) return;
    this.running = this.scan().catch((err) => {
      this.logger.error(`overdue scan failed: ${err instanceof Error ? err.message : String(err)}`);
      return 0;
    });
    await this.running;
    this.running = undefined;
  }

  /** One pass over every clock; returns how many clocks were flagged (0 when another instance is scanning). */
  async scan(now = new Date()): Promise<number> {
    return (await this.lock.runAlone(LOCKS.overdueScan, () => this.pass(now))) ?? 0;
  }

  private async pass(now: Date): Promise<number> {
    // Pauses whose resume date has come end first, so their clocks run (and are judged) from then.
    const resumed = await this.workflow.resumeDue(now);
    if (resumed) this.logger.log(`resumed ${resumed} paused case(s) on their date`);
    let flagged = 0;
    for (const clock of CLOCKS) {
      // A flagged case leaves the index that found it, so the next batch finds the next ones. A batch that
      // flags none (people acted on all of them meanwhile) ends this clock's pass: the next pass looks again.
      for (;;) {
        const n = await this.flagBatch(clock, now);
        flagged += n.flagged;
        if (n.seen < BATCH || n.flagged === 0) break;
      }
    }
    if (flagged) this.logger.log(`flagged ${flagged} overdue clock(s)`);
    return flagged;
  }

  private async flagBatch(clock: Clock, now: Date): Promise<{ seen: number; flagged: number }> {
    const flag = CLOCK_FLAG[clock];
    const column = this.ds.getMetadata(Case).findColumnWithPropertyName(flag)!.databaseName;
    const due = CLOCK_DUE[clock];
    const { statuses, pending } = RUNNING[clock];
    const query = this.ds
      .getRepository(Case)
      .createQueryBuilder('c')
      .select(['c.id', 'c.status', `c.${due}`])
      .where(statusIn(statuses))
      .andWhere(`NOT c.${flag}`)
      .andWhere(`c.${due} < :now`, { now });
    if (pending) query.andWhere(pending);
    // A paused case's clocks stand still (its late clocks were flagged when the pause began).
    if (clock !== 'signFor') query.andWhere('c.pausedAt IS NULL');
    const candidates = await query.limit(BATCH).getMany();
    let flagged = 0;
    await retryWhenBusy(() => this.ds.transaction(async (m) => {
      flagged = 0;
      for (const c of candidates) {
        const res = await m
          .createQueryBuilder()
          .update(Case)
          .set({ [flag]: true, overdue: true })
          .where(`id = :id AND ${column} = :no AND status = :status`, { id: c.id, no: false, status: c.status })
          .execute();
        if (!res.affected) continue; // another instance, or a person, got there first
        await appendEvents(m, c.id, [overdueEvent(c.id, c.status, clock, c[due], now)]);
        flagged++;
      }
    }));
    return { seen: candidates.length, flagged };
  }
}
