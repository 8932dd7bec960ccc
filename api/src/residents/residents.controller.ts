import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto.js';
import { ResidentsService } from './residents.service.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('residents')
export class ResidentsController extends CrudController({
  resource: 'residents',
  createDto: CreateResidentDto,
  updateDto: UpdateResidentDto,
  read: ['admin', 'supervisor', 'dispatcher', 'grid_worker'],
  write: ['admin', 'dispatcher', 'grid_worker'],
}) {
  constructor(readonly service: ResidentsService) {
    super();
  }
}
