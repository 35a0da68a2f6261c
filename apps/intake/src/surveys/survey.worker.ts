import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DurableTimerWorker, REDIS, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { SURVEY_CONFIG, type SurveyConfig } from './survey-config.js';
import { SendSurveyUseCase } from './send-survey.usecase.js';
import { SURVEY_QUEUE, type SurveyJob, SurveyTimers, surveyQueuePrefix } from './survey-timers.js';
import { SurveyRepository } from './survey.repository.js';

/** Thin BullMQ entry point: an alarm becomes a send; alarms are re-armed from PostgreSQL at boot and periodically. */
@Injectable()
export class SurveyWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SurveyWorker.name);
  private worker: DurableTimerWorker<SurveyJob> | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly service: ServiceConfig,
    @Inject(SURVEY_CONFIG) private readonly config: SurveyConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly dataSource: DataSource,
    private readonly surveys: SurveyRepository,
    private readonly send: SendSurveyUseCase,
    private readonly timers: SurveyTimers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await DurableTimerWorker.start<SurveyJob>({
      queue: SURVEY_QUEUE,
      prefix: surveyQueuePrefix(this.service),
      connection: this.redis,
      concurrency: 4,
      handle: async (job) => {
        const next = await this.send.execute(job);
        // The same send count back means this alarm fired early: the send itself is still to come.
        if (next?.sentCount === job.send) await this.timers.armAgain(next);
        else if (next) await this.timers.arm([next]);
      },
      rearm: () => this.rearm(),
      reconcileIntervalMs: this.config.SURVEY_RECONCILE_INTERVAL_MS,
      what: 'survey alarms',
      logger: this.logger,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async rearm(): Promise<number> {
    const pending = await this.surveys.pendingTimers(this.dataSource.manager);
    await this.timers.arm(pending);
    return pending.length;
  }
}
