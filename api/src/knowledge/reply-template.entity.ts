import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, RecordVersionColumn } from '../common/columns.js';

/**
 * A reply or note template (回复模板) with placeholders filled from the case: {居民} the resident's name, {单位}
 * the responsible unit, {时限} the resolution due date, {编号} the case number, {分类} its category.
 */
@Entity('reply_templates')
export class ReplyTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 2000 })
  text: string;

  /** The action whose text it fills (`reply`, `close_directly`, `comment` …); null: any. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  action: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 0 })
  uses: number;

  @CreatedAtColumn()
  createdAt: Date;

  @RecordVersionColumn()
  version: number;
}
