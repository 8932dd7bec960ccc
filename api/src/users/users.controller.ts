import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController extends CrudController({ resource: 'users', createDto: CreateUserDto, updateDto: UpdateUserDto, write: ['admin'] }) {
  constructor(readonly service: UsersService) {
    super();
  }
}
