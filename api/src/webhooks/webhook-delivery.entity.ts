import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '../common/columns.js';
import { CaseEvent } from '../cases/case-event.entity.js';
import { Webhook } from './webhook.entity.js';

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * One timeline event owed to one webhook: pending until a 2xx acknowledges it, retried with back-off
 * (`failed` once it has been tried for days); a case's deliveries to one receiver go in event order.
 */
@Entity('webhook_deliveries')
@Index('idx_webhook_deliveries_due', ['state', 'nextAttemptAt'])
@Index('idx_webhook_deliveries_order', ['webhookId', 'caseId', 'id'])
@Index('idx_webhook_deliveries_list', ['webhookId', 'id'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  webhookId: number;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook?: Relation<Webhook>;

  @Column({ type: 'integer' })
  eventId: number;

  @ManyToOne(() => CaseEvent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  caseEvent?: Relation<CaseEvent>;

  @Column({ type: 'integer' })
  caseId: number;

  @Column({ type: 'varchar', length: 30 })
  event: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  state: DeliveryState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Epoch milliseconds: when it may be tried (again). */
  @Column({ type: 'bigint', default: 0 })
  nextAttemptAt: string | number;

  /** Epoch milliseconds until which one instance holds it (being sent); 0 when nobody does. */
  @Column({ type: 'bigint', default: 0 })
  leasedUntil: string | number;

  @Column({ type: 'integer', nullable: true })
  lastStatus: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @TimestampColumn()
  deliveredAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
