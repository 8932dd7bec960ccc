import { All, Body, Controller, Get, Headers, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { ApiKeyGate } from '../api-keys/api-key-gate.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { localeOf, text } from '../common/localize.js';
import { createValidationPipe } from '../common/validation.js';
import { Open311RequestDto } from './dto/open311-request.dto.js';
import { Open311ErrorFilter } from './open311-error.filter.js';
import { Open311Intake } from './open311-intake.js';
import { formatOf, reply } from './open311-reply.js';
import { Open311Requests } from './open311-requests.js';
import { Open311Services } from './open311-services.js';
import { Open311Updates } from './open311-updates.js';

type QueryParams = Record<string, unknown>;

/**
 * Open311 GeoReport v2 (and FixMyStreet's `servicerequestupdates`) at `/open311/v2`, outside `/api`, no staff
 * login: each path in `.json` or `.xml`. A call carrying `api_key` is checked and counted against it; `POST
 * requests` must carry one. README "Open311 GeoReport v2".
 */
@ApiExcludeController()
@Public()
@UseFilters(Open311ErrorFilter)
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly gate: ApiKeyGate,
    private readonly services: Open311Services,
    private readonly requests: Open311Requests,
    private readonly updates: Open311Updates,
    private readonly intake: Open311Intake,
  ) {}

  @Get('services.:format')
  async serviceList(@Param('format') format: string, @Query() q: QueryParams, @Res({ passthrough: true }) res: FastifyReply) {
    const f = await this.admit(format, q);
    return reply(res, f, 'services', await this.services.list());
  }

  @Get('services/:code.:format')
  async definition(@Param('code') code: string, @Param('format') format: string, @Query() q: QueryParams, @Res({ passthrough: true }) res: FastifyReply) {
    const f = await this.admit(format, q);
    return reply(res, f, 'service_definition', await this.services.definition(code));
  }

  @Get('requests.:format')
  async requestList(@Param('format') format: string, @Query() q: QueryParams, @Headers('accept-language') lang: string | undefined, @Res({ passthrough: true }) res: FastifyReply) {
    const f = await this.admit(format, q);
    return reply(res, f, 'service_requests', await this.requests.list(q, localeOf(lang)));
  }

  @Post('requests.:format')
  async create(
    @Param('format') format: string,
    @Query() q: QueryParams,
    @Body(createValidationPipe(Open311RequestDto)) dto: Open311RequestDto,
    @Headers('accept-language') lang: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const f = formatOf(format);
    const key = await this.gate.admit(dto.api_key ?? q.api_key);
    return reply(res, f, 'service_requests', await this.intake.submit(dto, key, localeOf(lang)));
  }

  @Get('requests/:id.:format')
  async request(@Param('id') id: string, @Param('format') format: string, @Query() q: QueryParams, @Headers('accept-language') lang: string | undefined, @Res({ passthrough: true }) res: FastifyReply) {
    const f = await this.admit(format, q);
    return reply(res, f, 'service_requests', await this.requests.one(id, localeOf(lang)));
  }

  @Get('tokens/:token.:format')
  async token(@Param('token') token: string, @Param('format') format: string, @Query() q: QueryParams, @Res({ passthrough: true }) res: FastifyReply) {
    const f = await this.admit(format, q);
    return reply(res, f, 'service_requests', await this.requests.byToken(token));
  }

  @Get('servicerequestupdates.:format')
  async updateList(@Param('format') format: string, @Query() q: QueryParams, @Headers('accept-language') lang: string | undefined, @Res({ passthrough: true }) res: FastifyReply) {
    const f = await this.admit(format, q);
    return reply(res, f, 'service_request_updates', await this.updates.list(q, localeOf(lang)));
  }

  /** Anything else under /open311/v2: the spec's error list, not the API's error shape. */
  @All('*')
  nowhere(@Req() req: FastifyRequest) {
    throw new AppError(ErrorCode.NotFound, text('open311NoRoute', { path: req.url.split('?')[0] }));
  }

  /** The format asked for, after the call's key (when it carries one) is checked and counted. */
  private async admit(format: string, q: QueryParams) {
    const f = formatOf(format);
    if (q.api_key !== undefined) await this.gate.admit(q.api_key);
    return f;
  }
}
