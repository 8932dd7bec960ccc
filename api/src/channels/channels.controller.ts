import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { ChannelsService } from './channels.service.js';
import { CreateChannelDto, UpdateChannelDto } from './dto/channel.dto.js';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController extends CrudController({ resource: 'channels', createDto: CreateChannelDto, updateDto: UpdateChannelDto, write: ['admin'] }) {
  constructor(readonly service: ChannelsService) {
    super();
  }
}
