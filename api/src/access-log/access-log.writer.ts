import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessLogEntry, type AccessAction } from './access-log.entity.js';

export interface AccessRecord {
  action: AccessAction;
  resource: string;
  recordId?: number | null;
  rows?: number | null;
  detail?: string | null;
}

/**
 * Writes the access log: one INSERT per view or export, started beside the answer rather than before it, so
 * a read that showed full values is not slowed by its record (and a read that showed none writes nothing).
 * A failed write is logged, never turned into a failed read. Reads of the log first wait for the writes in
 * flight, so a record is there for whoever looks right after the view it records.
 */
@Injectable()
export class AccessLogWriter implements OnModuleDestroy {
  private readonly logger = new Logger('AccessLog');
  private readonly pending = new Set<Promise<unknown>>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  record(user: Pick<AuthUser, 'id'>, entry: AccessRecord): void {
    const row = { at: new Date(), userId: user.id, action: entry.action, resource: entry.resource, recordId: entry.recordId ?? null, rows: entry.rows ?? null, detail: entry.detail ?? null };
    const write = this.ds
      .createQueryBuilder()
      .insert()
      .into(AccessLogEntry)
      .values(row)
      .updateEntity(false)
      .execute()
      .catch((e: unknown) => this.logger.error(`access log not written (${JSON.stringify(row)}): ${e instanceof Error ? e.message : e}`))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  onModuleDestroy() {
    return this.settled();
  }

  /** Waits for the records being written (before the log is read, and before the database closes). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
