import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn, RecordVersionColumn } from '../common/columns.js';
import { GridUnit } from '../grid/grid-unit.entity.js';

/** Key-population tags (重点人群). */
export const RESIDENT_TAGS = [
  'elderly_alone',
  'elderly_advanced',
  'disabled',
  'low_income',
  'chronic_illness',
  'children_in_difficulty',
  'left_behind',
  'veteran',
  'party_member',
] as const;
export type ResidentTag = (typeof RESIDENT_TAGS)[number];

@Entity('residents')
export class Resident {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Index()
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'integer' })
  gridUnitId: number;

  @ManyToOne(() => GridUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grid_unit_id' })
  gridUnit?: Relation<GridUnit>;

  /** The unit's path, copied so that a subtree filter needs no join. */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  unitPath: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @JsonColumn({ default: '[]' })
  tags: ResidentTag[];

  /** True when any tag is set: the "key population" filter without parsing JSON. */
  @Index()
  @Column({ type: 'boolean', default: false })
  keyPopulation: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Moved on by every update; a PUT must name the one it read (409 otherwise). */
  @RecordVersionColumn()
  version: number;
}
