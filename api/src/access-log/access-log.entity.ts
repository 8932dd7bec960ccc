import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../common/columns.js';

export const ACCESS_ACTIONS = ['read', 'export'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/**
 * One view or export of personal data in full (DOMAIN.md, personal data): who, when, what, how many rows.
 * Written once, never changed; `userId` is a plain number (no foreign key), so the record outlives any account.
 */
@Entity('access_log')
@Index('idx_access_log_at', ['at'])
@Index('idx_access_log_user_at', ['userId', 'at'])
export class AccessLogEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @TimestampColumn({ nullable: false })
  at: Date;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 10 })
  action: AccessAction;

  /** The resource read or exported (`cases`, `residents`, `users`, `grid-units`). */
  @Column({ type: 'varchar', length: 30 })
  resource: string;

  /** The record, for a single view. */
  @Column({ type: 'integer', nullable: true })
  recordId: number | null;

  /** How many rows a list page or an export carried. */
  @Column({ type: 'integer', nullable: true })
  rows: number | null;

  /** What more there is to say in a few words: `full` or `masked` for an export, `by-phone` for a lookup. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  detail: string | null;
}
