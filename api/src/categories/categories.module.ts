import { Module } from '@nestjs/common';
import { CategoriesController, CategoryLimitsController } from './categories.controller.js';
import { CategoriesService } from './categories.service.js';

@Module({ controllers: [CategoriesController, CategoryLimitsController], providers: [CategoriesService], exports: [CategoriesService] })
export class CategoriesModule {}
