import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordVersionColumn } from '../common/columns.js';

export const CHANNEL_GROUPS = ['hotline', 'online', 'community', 'linkage', 'enterprise'] as const;
export type ChannelGroup = (typeof CHANNEL_GROUPS)[number];

/** Where a request came from (来源渠道), each in a group the daily report counts by. */
@Entity('channels')
export class Channel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 30 })
  code: string;

  @Column({ type: 'varchar', length: 20 })
  group: ChannelGroup;

  @Column({ type: 'integer', default: 0 })
  sort: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * An entry point of the residents' public page (`/m/?entry=<code>`): requests asked there are logged under
   * this channel; a channel of the `enterprise` group opens the page's enterprise form.
   */
  @Column({ type: 'boolean', default: false })
  publicEntry: boolean;

  /** Moved on by every update; a PUT must name the one it read (409 otherwise). */
  @RecordVersionColumn()
  version: number;
}
