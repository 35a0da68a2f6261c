import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EventTaps } from '@switchboard/messaging';
import { DurableTimerWorker, REDIS, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { Redis } from 'ioredis';
import { ticketEventDefinitions } from '../ticket-events.js';
import { WEBHOOK_CONFIG, WEBHOOK_TAP, type WebhookConfig } from '../webhook-config.js';
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
  private worker: DurableTimerWorker<WebhookJob> | undefined;

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
    this.worker = await DurableTimerWorker.start<WebhookJob>({
      queue: WEBHOOK_QUEUE,
      prefix: webhookQueuePrefix(this.service),
      connection: this.redis,
      concurrency: this.config.WEBHOOK_CONCURRENCY,
      handle: (job) => this.deliver.execute(job.deliveryId),
      rearm: async () => {
        const armed = await this.rearm.execute();
        await this.rearm.prune(this.config.WEBHOOK_LOG_RETENTION_DAYS);
        return armed;
      },
      reconcileIntervalMs: this.config.WEBHOOK_RECONCILE_INTERVAL_MS,
      what: 'pending webhook deliveries',
      logger: this.logger,
    });
    await this.taps.open(WEBHOOK_TAP, ticketEventDefinitions, async (event, _definition, context) => {
      const armable = await this.record.execute(context.manager, event);
      if (armable.length > 0) context.afterCommit(() => this.queue.arm(armable));
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
