import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, RecordVersionColumn, TimestampColumn } from '../common/columns.js';
import { Channel } from '../channels/channel.entity.js';

/**
 * An integrator's key for Open311 (a WeChat mini-program, a city platform): named, tied to the channel its
 * requests are logged under, limited per minute, revocable. Only its hash is kept; the key is shown once.
 */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index('idx_api_keys_hash', { unique: true })
  @Column({ type: 'varchar', length: 64, select: false })
  keyHash: string;

  /** The key's first characters, to tell keys apart in the console. */
  @Column({ type: 'varchar', length: 12 })
  prefix: string;

  @Column({ type: 'integer' })
  channelId: number;

  @ManyToOne(() => Channel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Relation<Channel>;

  /** Requests a minute this key may send (every Open311 call counts). */
  @Column({ type: 'integer', default: 60 })
  perMinute: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @TimestampColumn()
  lastUsedAt: Date | null;

  @TimestampColumn()
  revokedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @RecordVersionColumn()
  version: number;
}
