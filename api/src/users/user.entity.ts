import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, RecordVersionColumn } from '../common/columns.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';

export const ROLES = ['admin', 'supervisor', 'dispatcher', 'grid_worker', 'handler'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** The root of the grid subtree this user works in; null means everywhere. */
  @Column({ type: 'integer', nullable: true })
  scopeUnitId: number | null;

  @ManyToOne(() => GridUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_unit_id' })
  scopeUnit?: Relation<GridUnit>;

  /** The responsible unit a handler works for. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  departmentId: number | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  /** The channel intake starts from (a 12345 agent's is the hotline); set by the user themself. */
  @Column({ type: 'integer', nullable: true })
  defaultChannelId: number | null;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Put in every token signed for the user and checked on every request: a logout or a password change bumps
   * it, and every token signed before then answers 401. Not selected unless asked for.
   */
  @Column({ type: 'integer', default: 0, select: false })
  tokenVersion: number;

  /** May export full phones and addresses (`?full=1`), granted by an admin; admins hold it implicitly. */
  @Column({ type: 'boolean', default: false })
  canExportPersonalData: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Moved on by every update; a PUT must name the one it read (409 otherwise). */
  @RecordVersionColumn()
  version: number;

  toJSON() {
    const { passwordHash: _hidden, tokenVersion: _internal, ...rest } = this;
    return rest;
  }
}
