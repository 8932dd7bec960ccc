import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, RecordVersionColumn } from '../common/columns.js';

/** A local correction of the official working-day calendar (a holiday or a make-up working day). */
@Entity('calendar_days')
export class CalendarDay {
  @PrimaryGeneratedColumn()
  id: number;

  /** `YYYY-MM-DD` in the deployment's time zone. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'boolean' })
  workday: boolean;

  @Column({ type: 'varchar', length: 50, nullable: true })
  name: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Moved on by every update; a PUT must name the one it read (409 otherwise). */
  @RecordVersionColumn()
  version: number;
}
