import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { forbidden } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import type { Reference } from '../common/references.js';
import { DELIVERY_STATES, WebhookDelivery } from './webhook-delivery.entity.js';
import { Webhook } from './webhook.entity.js';
import type { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto.js';

/** Receivers of case events, kept by admins; one with deliveries on record is disabled, never deleted. */
@Injectable()
export class WebhooksService extends CrudService<Webhook, CreateWebhookDto, UpdateWebhookDto> {
  protected readonly label = 'Webhook';
  protected override readonly references: Reference[] = [{ from: WebhookDelivery, by: 'webhookId', things: 'refDeliveries' }];
  protected override readonly disablable = true;
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'wh',
    defaultSort: ['id', 'ASC'],
    fields: { id: { type: 'int' }, name: { type: 'string' }, url: { type: 'string' }, active: { type: 'boolean' } },
    search: (qb, term, param) => qb.andWhere(`(wh.name LIKE ${param(`%${term}%`)} OR wh.url LIKE ${param(`%${term}%`)})`),
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(Webhook));
  }
}

/** The deliveries of every webhook, newest first: pending (with attempts and the last error), delivered, failed. */
@Injectable()
export class WebhookDeliveriesService extends CrudService<WebhookDelivery> {
  protected readonly label = 'WebhookDelivery';
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'wd',
    defaultSort: ['id', 'DESC'],
    fields: {
      id: { type: 'int' },
      webhookId: { type: 'int' },
      caseId: { type: 'int' },
      eventId: { type: 'int' },
      event: { type: 'string' },
      state: { type: 'string', values: DELIVERY_STATES },
      attempts: { type: 'int' },
      createdAt: { type: 'instant' },
    },
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(WebhookDelivery));
  }

  protected override present(row: WebhookDelivery) {
    return { ...row, nextAttemptAt: row.state === 'pending' ? new Date(Number(row.nextAttemptAt)) : null, leasedUntil: undefined };
  }

  override async create(): Promise<never> {
    throw forbidden('deliveriesBySystem');
  }
  override async update(): Promise<never> {
    throw forbidden('deliveriesBySystem');
  }
  override async remove(): Promise<never> {
    throw forbidden('deliveriesBySystem');
  }

  /** Tries a delivery again now (a failed one, or a pending one waiting out its back-off). */
  async retry(id: number, user: AuthUser) {
    await this.findOrThrow(id, user);
    await this.ds.createQueryBuilder().update(WebhookDelivery).set({ state: 'pending', nextAttemptAt: Date.now() }).where(`id = :id AND state <> 'delivered'`, { id }).execute();
    return this.get(id, user);
  }
}
