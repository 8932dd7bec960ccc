import { Global, Module } from '@nestjs/common';
import { GridController } from './grid.controller.js';
import { GridService } from './grid.service.js';

@Global()
@Module({ controllers: [GridController], providers: [GridService], exports: [GridService] })
export class GridModule {}
