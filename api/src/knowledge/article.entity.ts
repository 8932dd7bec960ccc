import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, RecordVersionColumn, UpdatedAtColumn } from '../common/columns.js';
import { Category } from '../categories/category.entity.js';

/**
 * A knowledge-base article (知识库): a policy answer, a procedure, a contact, under a category, valid between two
 * dates. Intake shows those that match what is being logged, and a consultation answered from one is closed on
 * the spot with the article linked (`close_directly {articleId}`), which counts a use.
 */
@Entity('articles')
@Index('idx_articles_category', ['categoryId', 'active'])
export class Article {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'integer', nullable: true })
  categoryId: number | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<Category>;

  /** First and last day it holds (`YYYY-MM-DD`, in TIME_ZONE); open-ended when empty. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  validFrom: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  validUntil: string | null;

  /** May be read to residents as it is (otherwise an internal procedure). */
  @Column({ type: 'boolean', default: false })
  public: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Consultations answered with it. */
  @Column({ type: 'integer', default: 0 })
  uses: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @RecordVersionColumn()
  version: number;
}
