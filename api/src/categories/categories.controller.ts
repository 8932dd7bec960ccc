import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { CategoriesService } from './categories.service.js';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto.js';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController extends CrudController({ resource: 'categories', createDto: CreateCategoryDto, updateDto: UpdateCategoryDto, write: ['admin'] }) {
  constructor(readonly service: CategoriesService) {
    super();
  }
}
