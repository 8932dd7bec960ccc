import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far the timeline has been read for webhooks: the timeline is the outbox (every event is written in its
 * action's transaction), and deliveries are made from it in event id order past this mark.
 */
@Entity('webhook_cursor')
export class WebhookCursor {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  lastEventId: number;
}
