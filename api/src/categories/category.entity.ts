import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { RealColumn, RecordVersionColumn } from '../common/columns.js';
import { Department } from '../departments/department.entity.js';

export const RESOLVE_UNITS = ['hours', 'workdays'] as const;
export type ResolveUnit = (typeof RESOLVE_UNITS)[number];

/**
 * A request category (诉求分类), up to three levels. Limits left empty inherit from the parent,
 * then from the system defaults.
 */
@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Index()
  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Category>;

  /** `/3/17/`: the ancestry, so that a report by top-level category is a prefix match. */
  @Index()
  @Column({ type: 'varchar', length: 100 })
  path: string;

  @Column({ type: 'varchar', length: 300 })
  fullName: string;

  /** Default responsible unit for dispatch. */
  @Column({ type: 'integer', nullable: true })
  departmentId: number | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  @RealColumn()
  signForHours: number | null;

  @RealColumn()
  responseHours: number | null;

  @RealColumn()
  resolveLimit: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  resolveUnit: ResolveUnit | null;

  @RealColumn()
  urgentSignForHours: number | null;

  @RealColumn()
  urgentResponseHours: number | null;

  @RealColumn()
  urgentResolveHours: number | null;

  @Column({ type: 'integer', default: 0 })
  sort: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Offered to residents on the public page and to integrators through Open311 (services). */
  @Column({ type: 'boolean', default: true })
  public: boolean;

  /** Words residents may search it by, comma-separated (Open311's `keywords`). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  keywords: string | null;

  /** Moved on by every update; a PUT must name the one it read (409 otherwise). */
  @RecordVersionColumn()
  version: number;
}
