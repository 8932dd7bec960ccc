import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { WebhookFeeder } from './webhook-feeder.js';
import { WebhookSender } from './webhook-sender.js';

/**
 * Every `WEBHOOK_POLL_SECONDS`, one pass of feeding (timeline → deliveries) then sending, never two passes at
 * once in a process; a pass that found work is followed by the next at once, so a burst drains quickly.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feeder: WebhookFeeder,
    private readonly sender: WebhookSender,
  ) {}

  onApplicationBootstrap() {
    const seconds = this.config.webhookPollSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async tick() {
    if (this.running) return;
    this.running = this.drain().catch((err) => this.logger.error(`webhook pass failed: ${err instanceof Error ? err.message : String(err)}`));
    await this.running;
    this.running = undefined;
  }

  private async drain() {
    for (let i = 0; i < 20 && !this.stopped; i++) {
      const fed = await this.feeder.feed();
      const sent = await this.sender.send();
      if (!fed && !sent) return;
    }
  }
}
