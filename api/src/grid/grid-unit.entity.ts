import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, JsonColumn, RealColumn, UpdatedAtColumn, RecordVersionColumn } from '../common/columns.js';

export const GRID_LEVELS = ['subdistrict', 'community', 'zone', 'grid', 'compound', 'building'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];

/** A node of the territory tree (街道 → 社区 → 片区 → 网格 → 小区 → 楼栋); levels may be skipped. */
@Entity('grid_units')
export class GridUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 20 })
  level: GridLevel;

  @Index()
  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  @ManyToOne(() => GridUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<GridUnit>;

  /** Materialized path of ids, `/1/5/12/`: a subtree is a prefix range, served by an index. */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  path: string;

  /** Names from the root down, `火车站街道 / 黄河路社区 / 3号网格`, kept with the path. */
  @Column({ type: 'varchar', length: 500 })
  fullName: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  leaderName: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  leaderPhone: string | null;

  @RealColumn()
  lat: number | null;

  @RealColumn()
  lng: number | null;

  /** GeoJSON polygon or point. */
  @JsonColumn()
  geometry: Record<string, unknown> | null;

  @Column({ type: 'integer', default: 0 })
  sort: number;

  /**
   * 退单审核 where the community rules itself: its dispatchers uphold (re-dispatch) or overrule its cases'
   * returns; elsewhere a supervisor does. Read on communities (a case's `communityId`).
   */
  @Column({ type: 'boolean', default: false })
  rulesReturns: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Moved on by every update; a PUT must name the one it read (409 otherwise). */
  @RecordVersionColumn()
  version: number;
}
