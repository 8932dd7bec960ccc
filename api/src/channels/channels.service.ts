import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CrudService, RequestContext } from '../common/crud.service.js';
import type { ListSpec } from '../common/list-query.js';
import { CHANNEL_GROUPS, Channel } from './channel.entity.js';
import type { CreateChannelDto, UpdateChannelDto } from './dto/channel.dto.js';

@Injectable()
export class ChannelsService extends CrudService<Channel, CreateChannelDto, UpdateChannelDto> {
  protected readonly label = 'Channel';
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
    },
    search: (qb, term, param) => qb.andWhere(`(ch.name LIKE ${param(`%${term}%`)} OR ch.code LIKE ${param(`%${term}%`)})`),
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(Channel));
  }
}
