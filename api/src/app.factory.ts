import 'reflect-metadata';
import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/exception.filter.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';
import { bootstrapData } from './seed/bootstrap.js';

export interface CreateAppOptions {
  logger?: LogLevel[] | false;
}

/** The whole HTTP application, as `main.ts` serves it and the end-to-end tests drive it. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.set('query parser', 'extended');
  app.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: ['open311/{*path}'] });
  app.enableCors({ exposedHeaders: ['Content-Range'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('有诉必应 community service request tracker')
    .setDescription('The REST API behind the console (react-admin simple-rest contract), reports and workflow.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));

  await app.init();
  await bootstrapData(app.get(DataSource), config, new Logger('Bootstrap'));
  return app;
}
