import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { alarmAt, REDIS, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ArmableDelivery } from './delivery.repository.js';

/** Queue name and prefix are wire values: renaming them strands every armed delivery in Redis. */
export const WEBHOOK_QUEUE = 'webhook-deliveries';

export interface WebhookJob {
  deliveryId: string;
}

export const webhookQueuePrefix = (config: ServiceConfig) => `${config.kafka.topicNamespace}bull`;

/**
 * Redis holds only wake-ups; PostgreSQL holds the deliveries. The job id includes the attempt
 * count, so arming the same attempt twice (a restart, the reconciler) is one job.
 */
@Injectable()
export class WebhookQueue implements OnApplicationShutdown {
  private readonly queue: Queue<WebhookJob>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, @Inject(REDIS) redis: Redis) {
    this.queue = new Queue<WebhookJob>(WEBHOOK_QUEUE, { connection: redis, prefix: webhookQueuePrefix(config) });
  }

  async arm(deliveries: ArmableDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      deliveries.map((d) => ({
        name: 'deliver',
        data: { deliveryId: d.id },
        opts: alarmAt(`${d.id}_${d.attempts}`, d.nextAttemptAt, now),
      })),
    );
  }

  /**
   * The next delivery of a lane, once the one before it is done. Its own job id: the successor's
   * earlier wake-up may still be running (it found the lane blocked), and BullMQ drops an add
   * whose id is taken, which left the successor waiting for the reconciler (up to a minute).
   */
  async wakeSuccessor(next: ArmableDelivery, after: { id: string; attempts: number }): Promise<void> {
    await this.queue.add(
      'deliver',
      { deliveryId: next.id },
      alarmAt(`${next.id}_${next.attempts}_after_${after.id}_${after.attempts}`, next.nextAttemptAt),
    );
  }

  /**
   * Another look at a delivery at `at`: one held back by its cause, or a wake-up that came before
   * the attempt was due. Each look is its own job, since the job asking is still active and BullMQ
   * would drop an add under its id.
   */
  async recheck(deliveryId: string, attempts: number, at: Date, reason: 'held' | 'early'): Promise<void> {
    const now = Date.now();
    await this.queue.add('deliver', { deliveryId }, alarmAt(`${deliveryId}_${attempts}_${reason}_${now}`, at, now));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
