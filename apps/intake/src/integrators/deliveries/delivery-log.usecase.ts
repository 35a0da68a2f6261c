import { Injectable } from '@nestjs/common';
import { notFound, parseInput } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { ManageSubscriptionsUseCase } from '../subscriptions/manage-subscriptions.usecase.js';
import { DeliveryRepository } from './delivery.repository.js';
import { RearmDeliveriesUseCase } from './rearm-deliveries.usecase.js';

export const logQuery = z.object({
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.string().regex(/^\d+$/).optional(),
});

/** The delivery log, the dead-letter list and manual retries of dead deliveries. */
@Injectable()
export class DeliveryLogUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: ManageSubscriptionsUseCase,
    private readonly rearm: RearmDeliveriesUseCase,
  ) {}

  async log(subscriptionId: string, query: unknown) {
    await this.subscriptions.existing(subscriptionId);
    const q = parseInput(logQuery, query);
    const items = await this.deliveries.log(this.dataSource.manager, subscriptionId, { ...q, afterSeq: q.after });
    return { items, next: items.length === q.limit ? (items.at(-1)?.seq ?? null) : null };
  }

  /** Dead deliveries get a fresh retry window; each goes out when it reaches the head of its ticket's lane. */
  async retryDead(subscriptionId: string, deliveryIds?: string[]): Promise<{ requeued: number }> {
    await this.subscriptions.existing(subscriptionId);
    const requeued = await this.deliveries.requeueDead(this.dataSource.manager, subscriptionId, deliveryIds);
    await this.rearm.execute(subscriptionId);
    return { requeued };
  }

  async retryOne(deliveryId: string): Promise<{ requeued: number }> {
    const subscriptionId = /^[0-9a-f-]{36}$/i.test(deliveryId)
      ? await this.deliveries.subscriptionOf(this.dataSource.manager, deliveryId)
      : undefined;
    if (!subscriptionId) throw notFound('WEBHOOK.DELIVERY_NOT_FOUND', `no webhook delivery ${deliveryId}`);
    return this.retryDead(subscriptionId, [deliveryId]);
  }
}
