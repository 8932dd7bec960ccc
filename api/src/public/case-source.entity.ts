import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CreatedAtColumn } from '../common/columns.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Case } from '../cases/case.entity.js';

export const CASE_ORIGINS = ['public', 'enterprise', 'open311'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

/**
 * Where a request asked from outside came from (the public page, its enterprise form, an Open311 key) and
 * what lets its asker follow it: kept beside the case, not in it, so the million staff-logged cases carry
 * nothing for it.
 */
@Entity('case_sources')
export class CaseSource {
  @PrimaryColumn({ type: 'integer' })
  caseId: number;

  @OneToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 20 })
  origin: CaseOrigin;

  /** sha256 (hex) of the case number and the secret answered once to the asker; null for Open311's. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  secretHash: string | null;

  @Column({ type: 'integer', nullable: true })
  apiKeyId: number | null;

  @ManyToOne(() => ApiKey, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'api_key_id' })
  apiKey?: Relation<ApiKey>;

  /** Open311's `token`: what a client holds until it learns the request's id. */
  @Index('idx_case_sources_token', { unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  token: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  company: string | null;

  /** 统一社会信用代码 (18 characters), optional. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
