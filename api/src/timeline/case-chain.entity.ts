import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { TimestampColumn } from '../common/columns.js';

/**
 * The head of a case's timeline chain: the hash of its last event and how many events it has. Kept in the
 * transaction that appends the events, so that deleting the last events, or adding some out of band,
 * leaves a chain that no longer ends where its anchor says. Its row is also what concurrent appends to
 * one case lock (one chain, never a fork).
 */
@Entity('case_chains')
export class CaseChain {
  @PrimaryColumn({ type: 'integer' })
  caseId: number;

  @OneToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 43 })
  head: string;

  @Column({ type: 'integer' })
  length: number;
}

/**
 * The events that existed before the timeline was chained (ids up to `uptoEventId`): sealed once, at the
 * first start after the migration (`sealedAt` then set). Any later event without a hash was written
 * out of band and is reported, never sealed.
 */
@Entity('timeline_backfill')
export class TimelineBackfill {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  uptoEventId: number;

  @TimestampColumn()
  sealedAt: Date | null;
}
