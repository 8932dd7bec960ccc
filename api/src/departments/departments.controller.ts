import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { DepartmentsService } from './departments.service.js';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto.js';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController extends CrudController({ resource: 'departments', createDto: CreateDepartmentDto, updateDto: UpdateDepartmentDto, write: ['admin'] }) {
  constructor(readonly service: DepartmentsService) {
    super();
  }
}
