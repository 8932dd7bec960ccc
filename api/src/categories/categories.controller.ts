import { Controller, Get } from '@nestjs/common';
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

/** The limits that apply to each category, inherited ones marked by where they come from (a route of its own, beside `categories/:id`). */
@ApiTags('categories')
@ApiBearerAuth()
@Controller('category-limits')
export class CategoryLimitsController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  list() {
    return this.categories.appliedLimits();
  }
}
