import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { REDIS, SERVICE_CONFIG } from '@switchboard/service-kit';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SlaConfig } from '../config.js';
import { FireThresholdUseCase } from './fire-threshold/fire-threshold.usecase.js';
import { RearmTimersUseCase } from './rearm-timers/rearm-timers.usecase.js';
import { SLA_TIMER_QUEUE, type SlaTimerJob, timerPrefix } from './sla-timers.js';

/** Thin BullMQ entry point: an alarm becomes a FireThreshold call; timers are re-armed from the database. */
@Injectable()
export class SlaTimerWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaTimerWorker.name);
  private worker: Worker<SlaTimerJob> | undefined;
  private reconcile: NodeJS.Timeout | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: SlaConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly fire: FireThresholdUseCase,
    private readonly rearm: RearmTimersUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker<SlaTimerJob>(SLA_TIMER_QUEUE, (job) => this.fire.execute(job.data), {
      connection: this.redis,
      prefix: timerPrefix(this.config),
      concurrency: 8,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`timer ${job?.id} failed: ${error.message}`));
    const armed = await this.rearm.execute();
    if (armed > 0) this.logger.log(`re-armed timers of ${armed} running clocks from the database`);
    this.reconcile = setInterval(() => {
      this.rearm.execute().catch((error: Error) => this.logger.warn(`reconcile failed: ${error.message}`));
    }, this.config.reconcileIntervalMs);
    this.reconcile.unref();
  }

  /** Lets the alarm being handled finish; pending alarms stay in Redis (and in PostgreSQL) for the next start. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.reconcile);
    await this.worker?.close();
  }
}
