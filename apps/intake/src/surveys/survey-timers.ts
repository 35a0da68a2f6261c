import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { alarmAt, REDIS, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SurveyTimer } from './survey.repository.js';

/** Queue name and prefix are wire values: renaming them strands every armed survey in Redis. */
export const SURVEY_QUEUE = 'survey-sends';

export interface SurveyJob {
  surveyId: string;
  /** Which send this is: 0 the invitation, 1.. the reminders. A stale job finds a different count and does nothing. */
  send: number;
}

export const surveyQueuePrefix = (config: ServiceConfig) => `${config.kafka.topicNamespace}bull`;

/** Redis holds only alarms; PostgreSQL holds each survey's next send. */
@Injectable()
export class SurveyTimers implements OnApplicationShutdown {
  private readonly queue: Queue<SurveyJob>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, @Inject(REDIS) redis: Redis) {
    this.queue = new Queue<SurveyJob>(SURVEY_QUEUE, { connection: redis, prefix: surveyQueuePrefix(config) });
  }

  async arm(timers: SurveyTimer[]): Promise<void> {
    if (timers.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(timers.map((t) => this.job(t, `${t.id}_${t.sentCount}`, now)));
  }

  /**
   * The same send again, asked by its own alarm that fired before the recorded time: that alarm
   * is still the active job, and BullMQ drops an add under a taken id, so this one gets its own.
   */
  async armAgain(timer: SurveyTimer): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk([this.job(timer, `${timer.id}_${timer.sentCount}_early_${now}`, now)]);
  }

  private job(t: SurveyTimer, jobId: string, now: number) {
    return {
      name: t.sentCount === 0 ? 'invite' : 'remind',
      data: { surveyId: t.id, send: t.sentCount },
      opts: alarmAt(jobId, t.nextSendAt, now),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
