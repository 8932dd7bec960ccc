import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { JsonColumn, TimestampColumn } from '../common/columns.js';
import { User } from '../users/user.entity.js';
import type { CaseStatus } from './case.constants.js';
import { Case } from './case.entity.js';

/** One entry of a case's timeline: every change to a case is one of these. */
@Entity('case_events')
@Index('idx_case_events_case', ['caseId', 'id'])
@Index('idx_case_events_action_created', ['action', 'createdAt'])
// Open311's updates, a window at a time in the order written (migration TimelineTimeIndex).
@Index('idx_case_events_created', ['createdAt', 'id'])
export class CaseEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  caseId: number;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 30 })
  action: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: CaseStatus;

  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<User>;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @JsonColumn()
  data: Record<string, unknown> | null;

  @TimestampColumn({ nullable: false })
  createdAt: Date;

  /**
   * Whether the resident sees this entry on the public page: `public`, `internal`, or null for its action's
   * default (public-timeline.ts). Set by staff afterwards with an event of its own; not part of the hash, which
   * seals what happened, not who may read it.
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  visibility: 'public' | 'internal' | null;

  /** Its place in the case's timeline (1, 2, …): a gap shows an event removed (timeline/event-chain.ts). */
  @Column({ type: 'integer', nullable: true })
  seq: number | null;

  /** sha256 of the previous event's hash and this event's content (base64url); null only out of band. */
  @Column({ type: 'varchar', length: 43, nullable: true })
  hash: string | null;
}
