import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { CrudController, IdPipe } from '../common/crud.controller.js';
import { contentRange } from '../common/list-query.js';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto.js';
import { WebhookDeliveriesService, WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController extends CrudController({ resource: 'webhooks', createDto: CreateWebhookDto, updateDto: UpdateWebhookDto, read: ['admin'], write: ['admin'] }) {
  constructor(
    readonly service: WebhooksService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {
    super();
  }

  /** CONTRACT.md: a webhook's deliveries, newest first, as any list (`range`, `filter`, `sort`). */
  @Get(':id/deliveries')
  @Roles('admin')
  async deliveriesOf(@Param('id', IdPipe) id: number, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply) {
    await this.service.get(id, user);
    const filter = { ...(typeof query.filter === 'string' ? JSON.parse(query.filter) : {}), webhookId: id };
    const { rows, total, offset } = await this.deliveries.list({ ...query, filter: JSON.stringify(filter) }, user);
    res.header('Content-Range', contentRange('webhook-deliveries', offset, rows.length, total));
    return rows;
  }
}

class NoWrite {}

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhook-deliveries')
export class WebhookDeliveriesController extends CrudController({ resource: 'webhook-deliveries', createDto: NoWrite, updateDto: NoWrite, read: ['admin'], write: ['admin'], deletable: false }) {
  constructor(readonly service: WebhookDeliveriesService) {
    super();
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  retry(@Param('id', IdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.service.retry(id, user);
  }
}
