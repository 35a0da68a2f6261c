import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryRepository } from './delivery.repository.js';
import { WebhookQueue } from './webhook-queue.js';

/** Rebuilds Redis wake-ups from PostgreSQL: after a restart, a Redis flush, a resume or a lost job. */
@Injectable()
export class RearmDeliveriesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: WebhookQueue,
  ) {}

  async execute(subscriptionId?: string): Promise<number> {
    const heads = await this.deliveries.armableHeads(this.dataSource.manager, subscriptionId);
    await this.queue.arm(heads);
    return heads.length;
  }

  /** Keeps the delivery log bounded; pending deliveries are never pruned. */
  prune(olderThanDays: number): Promise<number> {
    return this.deliveries.prune(this.dataSource.manager, olderThanDays);
  }
}
