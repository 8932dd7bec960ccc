import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, RecordVersionColumn } from '../common/columns.js';

export const DEPARTMENT_KINDS = ['government', 'enterprise', 'property', 'police', 'fire', 'utility', 'other'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** A responsible unit (责任单位) that signs for and handles dispatched cases. */
@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20, default: 'government' })
  kind: DepartmentKind;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactName: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Moved on by every update; a PUT must name the one it read (409 otherwise). */
  @RecordVersionColumn()
  version: number;
}
