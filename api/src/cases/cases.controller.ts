import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import { CreateCaseDto, UpdateCaseDto } from './dto/create-case.dto.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController extends CrudController({
  resource: 'cases',
  createDto: CreateCaseDto,
  updateDto: UpdateCaseDto,
  write: ['admin', 'dispatcher', 'grid_worker'],
  deletable: false,
}) {
  constructor(readonly service: CasesService) {
    super();
  }
}

class NoWrite {}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('case-events')
export class CaseEventsController extends CrudController({ resource: 'case-events', createDto: NoWrite, updateDto: NoWrite, write: ['admin'], deletable: false }) {
  constructor(readonly service: CaseEventsService) {
    super();
  }
}
