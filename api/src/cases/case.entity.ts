import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ComputedIntegerColumn, CreatedAtColumn, JsonColumn, RealColumn, TimestampColumn, UpdatedAtColumn } from '../common/columns.js';
import { Category } from '../categories/category.entity.js';
import { Channel } from '../channels/channel.entity.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { User } from '../users/user.entity.js';
import { measureBitsSql, RECEIVED_BITS } from './case-measures.js';
import type { AppealState, CaseStatus, CaseType, PauseState, Priority, Satisfaction, SuperviseLevel } from './case.constants.js';

/**
 * A request (诉求 / 工单). Indexes follow the console's lists at a million rows: every list is
 * "some equality filters, newest first", so each index ends with `received_at`.
 */
@Entity('cases')
@Index('idx_cases_received', ['receivedAt', 'id'])
@Index('idx_cases_status_received', ['status', 'receivedAt'])
@Index('idx_cases_unit_received', ['unitPath', 'receivedAt'])
@Index('idx_cases_category_received', ['categoryId', 'receivedAt'])
@Index('idx_cases_channel_received', ['channelId', 'receivedAt'])
@Index('idx_cases_department_received', ['departmentId', 'receivedAt'])
@Index('idx_cases_assignee_status', ['assigneeId', 'status'], { where: '"assignee_id" IS NOT NULL' })
@Index('idx_cases_status_resolve_due', ['status', 'resolveDueAt'])
@Index('idx_cases_overdue_received', ['overdue', 'receivedAt'])
@Index('idx_cases_pause_state', ['pauseState', 'receivedAt'], { where: '"pause_state" IS NOT NULL' })
@Index('idx_cases_appeal_pending', ['appealState', 'receivedAt'], { where: `"appeal_state" = 'pending'` })
@Index('idx_cases_bounced', ['returnCount', 'receivedAt'], { where: `"return_count" > 2 AND "status" IN ('received', 'dispatched', 'in_progress', 'returned', 'replied')` })
@Index('idx_cases_extension_pending', ['extensionDaysPending'], { where: '"extension_days_pending" IS NOT NULL' })
// The overdue scan's candidates per clock: open, not flagged yet, by due time (migration OverdueScanIndexes).
@Index('idx_cases_sign_late', ['status', 'signDueAt'], { where: `"status" IN ('dispatched') AND NOT "sign_overdue" AND "accepted_at" IS NULL` })
@Index('idx_cases_response_late', ['status', 'responseDueAt'], { where: `"status" IN ('received', 'dispatched', 'in_progress', 'returned', 'replied') AND NOT "response_overdue" AND "responded_at" IS NULL` })
@Index('idx_cases_resolve_late', ['status', 'resolveDueAt'], { where: `"status" IN ('received', 'dispatched', 'in_progress', 'returned', 'replied') AND NOT "resolve_overdue"` })
@Index('idx_cases_supervise_status', ['superviseLevel', 'status'], { where: '"supervise_level" IS NOT NULL' })
// The case table sorted by a column, in the order list-query breaks ties (the column, the time of receipt, id);
// by title with the path, checked in the index when a large scope's list walks it (cases.service.ts).
@Index('idx_cases_title_received_unit', ['title', 'receivedAt', 'id', 'unitPath'])
@Index('idx_cases_resolve_due_received', ['resolveDueAt', 'receivedAt'])
// A handler's cases (their unit's) by each sortable column; only dispatched cases have a unit, so intake writes none.
@Index('idx_cases_department_number', ['departmentId', 'number', 'receivedAt'], { where: '"department_id" IS NOT NULL' })
@Index('idx_cases_department_title', ['departmentId', 'title', 'receivedAt'], { where: '"department_id" IS NOT NULL' })
@Index('idx_cases_department_category', ['departmentId', 'categoryId', 'receivedAt'], { where: '"department_id" IS NOT NULL' })
@Index('idx_cases_department_resolve_due', ['departmentId', 'resolveDueAt', 'receivedAt'], { where: '"department_id" IS NOT NULL' })
/**
 * 我的待办's tabs, each a part of the open cases (a hundredth of all at a million): every column their filters,
 * scopes and sorts read, so each tab is found, counted and sorted within this small index alone.
 */
@Index('idx_cases_open', ['status', 'overdue', 'departmentId', 'unitPath', 'superviseLevel', 'receivedAt', 'resolveDueAt', 'categoryId', 'number', 'title'], {
  where: `"status" IN ('received', 'dispatched', 'in_progress', 'returned', 'replied')`,
})
/**
 * The reports' pass over a period: after the time of receipt, every column a grouping, a scope or a
 * report reads, with the measures as one number (`measureBits`), so a month of a city's cases is counted
 * from the index alone.
 */
@Index('idx_cases_report', [
  'receivedAt',
  'unitPath',
  'status',
  'communityId',
  'gridId',
  'gridUnitId',
  'departmentId',
  'categoryId',
  'channelId',
  'createdById',
  'measureBits',
  'responseDueAt',
  'followUps',
  'followUpsResolved',
  'followUpsSatisfied',
  'closeHours',
  'closeWorkdays',
  'handledDirectly',
  'dispatchedAt',
])
// 重复诉求 at intake: one seek for "this phone, this category, these 30 days" (a frequent caller has
// hundreds of cases; by phone alone each of them was a row to read). Also serves lookups by phone.
@Index('idx_cases_repeat', ['reporterPhone', 'categoryId', 'receivedAt'])
export class Case {
  @PrimaryGeneratedColumn()
  id: number;

  /** `20251015-0123`: the day of intake in the deployment's zone and that day's serial. */
  @Index('idx_cases_number', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 20 })
  type: CaseType;

  @Column({ type: 'integer' })
  channelId: number;

  @ManyToOne(() => Channel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Relation<Channel>;

  @Column({ type: 'integer' })
  categoryId: number;

  @ManyToOne(() => Category, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<Category>;

  /** The smallest unit known (building if known, else grid). */
  @Column({ type: 'integer' })
  gridUnitId: number;

  @ManyToOne(() => GridUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grid_unit_id' })
  gridUnit?: Relation<GridUnit>;

  /** Copy of the unit's path: "in community X" is a prefix range on this column. */
  @Column({ type: 'varchar', length: 200 })
  unitPath: string;

  /** The unit's ancestors at the levels reports group by (社区, 网格), kept with the unit tree. */
  @Column({ type: 'integer', nullable: true })
  communityId: number | null;

  @Column({ type: 'integer', nullable: true })
  gridId: number | null;

  @Column({ type: 'varchar', length: 10, default: 'normal' })
  priority: Priority;

  @Index('idx_cases_resident', { where: '"resident_id" IS NOT NULL' })
  @Column({ type: 'integer', nullable: true })
  residentId: number | null;

  @ManyToOne(() => Resident, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<Resident>;

  @Column({ type: 'varchar', length: 50, nullable: true })
  reporterName: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reporterPhone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @RealColumn()
  lat: number | null;

  @RealColumn()
  lng: number | null;

  /** Tags of the resident at intake, shown wherever the case is. */
  @JsonColumn({ default: '[]' })
  residentTags: string[];

  @Column({ type: 'boolean', default: false })
  keyPopulation: boolean;

  @TimestampColumn({ nullable: false })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: CaseStatus;

  @Column({ type: 'integer', nullable: true })
  departmentId: number | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  @Column({ type: 'integer', nullable: true })
  assigneeId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<User>;

  @Column({ type: 'boolean', default: false })
  handledDirectly: boolean;

  @TimestampColumn()
  signDueAt: Date | null;

  @TimestampColumn({ nullable: false })
  responseDueAt: Date;

  @TimestampColumn({ nullable: false })
  resolveDueAt: Date;

  @TimestampColumn()
  dispatchedAt: Date | null;

  @TimestampColumn()
  acceptedAt: Date | null;

  @TimestampColumn()
  respondedAt: Date | null;

  @TimestampColumn()
  repliedAt: Date | null;

  @TimestampColumn()
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ type: 'boolean', nullable: true })
  resolved: boolean | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  satisfaction: Satisfaction | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  superviseLevel: SuperviseLevel | null;

  @Index('idx_cases_parent', { where: '"parent_case_id" IS NOT NULL' })
  @Column({ type: 'integer', nullable: true })
  parentCaseId: number | null;

  @ManyToOne(() => Case, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_case_id' })
  parentCase?: Relation<Case>;

  @Column({ type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ type: 'integer', default: 0 })
  returnCount: number;

  /**
   * Which clocks have run out before their step happened (DOMAIN.md), as of the last write or overdue scan.
   * Kept by the workflow and the scan so that the `overdue` list is an indexed lookup, not a table scan.
   */
  @Column({ type: 'boolean', default: false })
  signOverdue: boolean;

  @Column({ type: 'boolean', default: false })
  responseOverdue: boolean;

  @Column({ type: 'boolean', default: false })
  resolveOverdue: boolean;

  /** Any of the three. */
  @Column({ type: 'boolean', default: false })
  overdue: boolean;

  /** 办结用时: received → closed, in hours and in working days (after the day of receipt, up to the day of
   * closing, as limits count them); set when the case closes, cleared when it is reopened. */
  @RealColumn()
  closeHours: number | null;

  @Column({ type: 'integer', nullable: true })
  closeWorkdays: number | null;

  /**
   * The measures this case counts in (cases/case-measures.ts `BITS`), kept by the database from the columns
   * above on every write, whoever writes, so that a report groups a month of cases by one small number
   * instead of evaluating sixteen conditions on each. PostgreSQL computes it as a stored generated column;
   * SQLite by triggers (MeasureBits migration), since it reads a generated column from the table even
   * when an index holds it, and the reports' index must answer alone. Never written here, never shown.
   */
  @ComputedIntegerColumn(measureBitsSql('postgres'), RECEIVED_BITS)
  measureBits?: number;

  /**
   * Every follow-up (回访) is a rating: how many the case has had, and how many said resolved and
   * satisfied (or basically satisfied). The resolution and satisfaction rates count these.
   */
  @Column({ type: 'integer', default: 0 })
  followUps: number;

  @Column({ type: 'integer', default: 0 })
  followUpsResolved: number;

  @Column({ type: 'integer', default: 0 })
  followUpsSatisfied: number;

  /** 重复诉求: the same reporter raised the same category within the 30 days before this one. */
  @Column({ type: 'boolean', default: false })
  isRepeat: boolean;

  /** Days asked for by a pending extension request (延期申请), null when none is pending. */
  @RealColumn()
  extensionDaysPending: number | null;

  /**
   * 挂起 (DOMAIN.md): a pause asked for (`requested`, with the hoped-for `resumeOn`) or approved (`paused`
   * since `pausedAt`); the running clocks stand still while paused and their due times move on resume by the
   * time lost (workflow/pause-shift.ts). `pausedMinutes`: all the pauses so far, for the reports.
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  pauseState: PauseState | null;

  @TimestampColumn()
  pausedAt: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  resumeOn: string | null;

  @Column({ type: 'integer', default: 0 })
  pausedMinutes: number;

  /**
   * Time in flight: dispatched or returned, signed for by nobody (退单往返). `flightSince` is when the current
   * stretch began (null when nobody is bouncing it); `flightMinutes` the stretches ended so far.
   */
  @TimestampColumn()
  flightSince: Date | null;

  @Column({ type: 'integer', default: 0 })
  flightMinutes: number;

  /**
   * 申诉 against the last unsatisfied or unresolved rating: allowed until `appealDueAt`; `appealLevel` 1 is ruled
   * by a supervisor, 2 (after a first rejection) by an admin. An upheld appeal takes the rating out of the
   * adjusted rates: the `excused*` counters are what it had added to the follow-up tallies.
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  appealState: AppealState | null;

  @Column({ type: 'integer', default: 0 })
  appealLevel: number;

  @TimestampColumn()
  appealDueAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  excusedFollowUps: number;

  @Column({ type: 'integer', default: 0 })
  excusedResolved: number;

  @Column({ type: 'integer', default: 0 })
  excusedSatisfied: number;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;

  /** Optimistic concurrency: every action names the version it saw. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
