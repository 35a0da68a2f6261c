import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EventTaps } from '@switchboard/messaging';
import { REDIS, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { ticketEventDefinitions } from '../ticket-events.js';
import { WEBHOOK_CONFIG, type WebhookConfig } from '../webhook-config.js';
import { DeliverWebhookUseCase } from './deliver-webhook.usecase.js';
import { RearmDeliveriesUseCase } from './rearm-deliveries.usecase.js';
import { RecordDeliveriesUseCase } from './record-deliveries.usecase.js';
import { WEBHOOK_QUEUE, type WebhookJob, WebhookQueue, webhookQueuePrefix } from './webhook-queue.js';

/**
 * Thin entry points of webhook delivery: the `webhooks` consumer group turns every ticket event
 * into delivery rows; BullMQ wake-ups become delivery attempts; boot re-arms from the database.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookWorker.name);
  private worker: Worker<WebhookJob> | undefined;
  private reconcile: NodeJS.Timeout | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly service: ServiceConfig,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly taps: EventTaps,
    private readonly record: RecordDeliveriesUseCase,
    private readonly deliver: DeliverWebhookUseCase,
    private readonly rearm: RearmDeliveriesUseCase,
    private readonly queue: WebhookQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker<WebhookJob>(WEBHOOK_QUEUE, (job) => this.deliver.execute(job.data.deliveryId), {
      connection: this.redis,
      prefix: webhookQueuePrefix(this.service),
      concurrency: this.config.WEBHOOK_CONCURRENCY,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`delivery job ${job?.id} failed: ${error.message}`));
    const armed = await this.rearm.execute();
    if (armed > 0) this.logger.log(`re-armed ${armed} pending webhook deliveries from the database`);
    this.reconcile = setInterval(() => {
      this.rearm
        .execute()
        .then(() => this.rearm.prune(this.config.WEBHOOK_LOG_RETENTION_DAYS))
        .catch((error: Error) => this.logger.warn(`reconcile failed: ${error.message}`));
    }, this.config.WEBHOOK_RECONCILE_INTERVAL_MS);
    this.reconcile.unref();
    await this.taps.open('webhooks', ticketEventDefinitions, async (event, _definition, context) => {
      const armable = await this.record.execute(context.manager, event);
      if (armable.length > 0) context.afterCommit(() => this.queue.arm(armable));
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.reconcile);
    await this.worker?.close();
  }
}
