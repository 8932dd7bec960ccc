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
    const { rows, total, offset } = await this.deliveries.list({ ...query, filter: withWebhook(query.filter, id) }, user);
    res.header('Content-Range', contentRange('webhook-deliveries', offset, rows.length, total));
    return rows;
  }
}

/** The list's own filter narrowed to one webhook; one it cannot read is left for the list parser to refuse (400). */
function withWebhook(filter: unknown, webhookId: number): unknown {
  if (filter === undefined) return JSON.stringify({ webhookId });
  if (typeof filter !== 'string') return filter;
  try {
    const parsed: unknown = JSON.parse(filter);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? JSON.stringify({ ...parsed, webhookId }) : filter;
  } catch {
    return filter;
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
