import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DurableTimerWorker, REDIS, SERVICE_CONFIG } from '@switchboard/service-kit';
import type { Redis } from 'ioredis';
import type { SlaConfig } from '../config.js';
import { FireThresholdUseCase } from './fire-threshold/fire-threshold.usecase.js';
import { RearmTimersUseCase } from './rearm-timers/rearm-timers.usecase.js';
import { SLA_TIMER_QUEUE, type SlaTimerJob, timerPrefix } from './sla-timers.js';

/** Thin BullMQ entry point: an alarm becomes a FireThreshold call; timers are re-armed from the database. */
@Injectable()
export class SlaTimerWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaTimerWorker.name);
  private worker: DurableTimerWorker<SlaTimerJob> | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: SlaConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly fire: FireThresholdUseCase,
    private readonly rearm: RearmTimersUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await DurableTimerWorker.start<SlaTimerJob>({
      queue: SLA_TIMER_QUEUE,
      prefix: timerPrefix(this.config),
      connection: this.redis,
      concurrency: 8,
      handle: (job) => this.fire.execute(job),
      rearm: () => this.rearm.execute(),
      reconcileIntervalMs: this.config.reconcileIntervalMs,
      what: 'timers of running clocks',
      logger: this.logger,
    });
  }

  /** Lets the alarm being handled finish; pending alarms stay in Redis (and in PostgreSQL) for the next start. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
