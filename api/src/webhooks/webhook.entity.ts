import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, RecordVersionColumn } from '../common/columns.js';

/** A receiver of case events (a city 12345 platform, a WeChat notifier): its URL, its signing secret, what it hears. */
@Entity('webhooks')
export class Webhook {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  /** Signs each body (HMAC-SHA256); written, never shown again. */
  @Column({ type: 'varchar', length: 200, select: false })
  secret: string;

  /** Timeline actions it hears (`dispatch`, `reply` …); empty: all of them. */
  @JsonColumn({ nullable: false, default: '[]' })
  events: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @RecordVersionColumn()
  version: number;
}
