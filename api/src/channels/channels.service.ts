import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CrudService, RequestContext } from '../common/crud.service.js';
import type { ListSpec } from '../common/list-query.js';
import { CHANNEL_GROUPS, Channel } from './channel.entity.js';
import type { CreateChannelDto, UpdateChannelDto } from './dto/channel.dto.js';
import { Case } from '../cases/case.entity.js';
import type { Reference } from '../common/references.js';
import { User } from '../users/user.entity.js';

@Injectable()
export class ChannelsService extends CrudService<Channel, CreateChannelDto, UpdateChannelDto> {
  protected readonly label = 'Channel';
  protected override readonly references: Reference[] = [
    { from: Case, by: 'channelId', things: 'refCases' },
    // An intake form's starting channel, a user's own setting.
    { from: User, by: 'defaultChannelId', things: 'refUsers' },
  ];
  protected override readonly disablable = true;
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'ch',
    defaultSort: ['sort', 'ASC'],
    fields: {
      id: { type: 'int' },
      name: { type: 'string' },
      code: { type: 'string' },
      group: { type: 'string', values: CHANNEL_GROUPS },
      sort: { type: 'int' },
      active: { type: 'boolean' },
      publicEntry: { type: 'boolean' },
    },
    search: (qb, term, param) => qb.andWhere(`(ch.name LIKE ${param(`%${term}%`)} OR ch.code LIKE ${param(`%${term}%`)})`),
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(Channel));
  }
}
