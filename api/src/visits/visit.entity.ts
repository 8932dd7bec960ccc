import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '../common/columns.js';
import { Case } from '../cases/case.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { User } from '../users/user.entity.js';

/** A visit to a household (走访, 未诉先办): who went, when, what was found, and the case logged from it if any. */
@Entity('visits')
@Index('idx_visits_resident', ['residentId', 'visitedAt'])
export class Visit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  residentId: number;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<Resident>;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @TimestampColumn({ nullable: false })
  visitedAt: Date;

  @Column({ type: 'varchar', length: 1000 })
  note: string;

  @Column({ type: 'integer', nullable: true })
  caseId: number | null;

  @ManyToOne(() => Case, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @CreatedAtColumn()
  createdAt: Date;
}
