import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { REDIS, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { Worker } from 'bullmq';
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
  private worker: Worker<SurveyJob> | undefined;
  private reconcile: NodeJS.Timeout | undefined;

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
    this.worker = new Worker<SurveyJob>(
      SURVEY_QUEUE,
      async (job) => {
        const next = await this.send.execute(job.data);
        if (next) await this.timers.arm([next]);
      },
      { connection: this.redis, prefix: surveyQueuePrefix(this.service), concurrency: 4 },
    );
    this.worker.on('failed', (job, error) => this.logger.warn(`survey alarm ${job?.id} failed: ${error.message}`));
    const armed = await this.rearm();
    if (armed > 0) this.logger.log(`re-armed ${armed} survey alarms from the database`);
    this.reconcile = setInterval(() => {
      this.rearm().catch((error: Error) => this.logger.warn(`survey reconcile failed: ${error.message}`));
    }, this.config.SURVEY_RECONCILE_INTERVAL_MS);
    this.reconcile.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.reconcile);
    await this.worker?.close();
  }

  private async rearm(): Promise<number> {
    const pending = await this.surveys.pendingTimers(this.dataSource.manager);
    await this.timers.arm(pending);
    return pending.length;
  }
}
