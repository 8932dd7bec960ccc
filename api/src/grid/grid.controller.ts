import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { CreateGridUnitDto, UpdateGridUnitDto } from './dto/grid-unit.dto.js';
import { GridService } from './grid.service.js';

@ApiTags('grid-units')
@ApiBearerAuth()
@Controller('grid-units')
export class GridController extends CrudController({ resource: 'grid-units', createDto: CreateGridUnitDto, updateDto: UpdateGridUnitDto, write: ['admin'] }) {
  constructor(readonly service: GridService) {
    super();
  }
}
