import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn } from '../common/columns.js';
import { Case } from '../cases/case.entity.js';
import { User } from '../users/user.entity.js';

export const ATTACHMENT_STAGES = ['before', 'after', 'document'] as const;
export type AttachmentStage = (typeof ATTACHMENT_STAGES)[number];

/** A photo or document on a case (处理前 / 处理后 / 材料); the bytes live under the data directory. */
@Entity('attachments')
@Index('idx_attachments_case', ['caseId', 'id'])
export class Attachment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  caseId: number;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 10 })
  stage: AttachmentStage;

  /** The name it had on the uploader's machine, shown and offered on download. */
  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  /** Detected from the content, never taken from the name or the browser. */
  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Path below `<data dir>/attachments/`; not shown. */
  @Column({ type: 'varchar', length: 300 })
  storageKey: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'integer', nullable: true })
  uploadedById: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: Relation<User>;

  @CreatedAtColumn()
  createdAt: Date;
}
