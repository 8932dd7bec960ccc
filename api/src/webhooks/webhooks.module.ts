import { Module } from '@nestjs/common';
import { WebhookFeeder } from './webhook-feeder.js';
import { WebhookSender } from './webhook-sender.js';
import { WebhookWorker } from './webhook-worker.js';
import { WebhookDeliveriesController, WebhooksController } from './webhooks.controller.js';
import { WebhookDeliveriesService, WebhooksService } from './webhooks.service.js';

/** Events out (issue 17): admins' receivers, deliveries made from the timeline and sent signed, in order per case. */
@Module({
  controllers: [WebhooksController, WebhookDeliveriesController],
  providers: [WebhooksService, WebhookDeliveriesService, WebhookFeeder, WebhookSender, WebhookWorker],
  exports: [WebhookFeeder, WebhookSender],
})
export class WebhooksModule {}
