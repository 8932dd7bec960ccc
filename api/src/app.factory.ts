import 'reflect-metadata';
import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import qs from 'qs';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AllExceptionsFilter, errorBody } from './common/exception.filter.js';
import { localeOf } from './common/localize.js';
import { boundJsonBodies } from './common/json-body.js';
import { securityHeaders } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';
import { serveConsole } from './console-files.js';
import { open311FormBodies } from './open311/form-body.js';
import { assertServable, type AppConfig } from './config/config.js';
import { bootstrapData } from './seed/bootstrap.js';

/**
 * In production the API's own description is for signed-in people only (it maps every route for an attacker):
 * `/api/docs` and its JSON answer a 401 without a valid bearer token, as any other route does.
 */
function docsBehindLogin(app: INestApplication, fastify: FastifyInstance) {
  const guard = app.get(AuthGuard);
  fastify.addHook('onRequest', async (req, reply) => {
    if (!/^\/api\/docs/.test(req.url)) return;
    try {
      await guard.authenticate(req.headers.authorization);
    } catch (err) {
      const body = errorBody(err, localeOf(req.headers['accept-language']), req);
      return reply.code(body.statusCode).send(body);
    }
  });
}

export interface CreateAppOptions {
  logger?: LogLevel[] | false;
}

/** JSON bodies up to this size (a case with a long description is a few kB; attachments have their own limit). */
const BODY_LIMIT = 1024 * 1024;

/**
 * The whole HTTP application, as `main.ts` serves it and the end-to-end tests drive it. On Fastify: the same
 * routes on Express answered about half the requests a second (README, "HTTP on Fastify").
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<INestApplication> {
  assertServable(config);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // The client address that sign-in limits count by (auth/login-throttle.ts): X-Forwarded-For only from proxies trusted.
    trustProxy: config.trustProxy,
    // Uploads (attachments/upload.interceptor.ts) read multipart bodies; their own limit is the file's.
    multipart: true,
    // Nested filters as react-admin and scripts send them (`filter[status]=x`), as Express's "extended" parser read them.
    routerOptions: { querystringParser: (text: string) => qs.parse(text) as Record<string, unknown> },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger ?? ['error', 'warn', 'log'],
    // JSON bodies are parsed by our own bounded parser (common/json-body.ts), not the one Nest would add at init.
    bodyParser: false,
  });
  // JSON is what the API reads: a text/plain body is a 415, not a string the validation cannot make sense of.
  // An empty one is no body at all: react-admin's simple-rest client labels its body-less DELETE text/plain.
  const fastify = adapter.getInstance();
  boundJsonBodies(fastify);
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => {
    if (String(body).length === 0) return done(null, undefined);
    done(Object.assign(new Error('Unsupported Content-Type: send JSON (application/json)'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), undefined);
  });
  open311FormBodies(fastify);
  await securityHeaders(fastify, config.consoleDir);
  await serveConsole(fastify, config.consoleDir);
  app.setGlobalPrefix('api', { exclude: ['open311/{*path}'] });
  // Same origin only, unless CORS_ORIGINS names the sites whose pages may call the API from a browser.
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['Content-Range', 'X-Total-Count'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('有诉必应 community service request tracker')
    .setDescription('The REST API behind the console (react-admin simple-rest contract), reports and workflow.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  if (config.production) docsBehindLogin(app, fastify);
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));

  await app.init();
  await adapter.getInstance().ready();
  await bootstrapData(app.get(DataSource), config, new Logger('Bootstrap'));
  return app;
}
