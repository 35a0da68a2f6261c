import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { REDIS, SERVICE_CONFIG } from '@switchboard/service-kit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SlaConfig } from '../config.js';
import { thresholdAt } from './sla-targets.js';

/** Queue name and prefix are wire values: renaming them strands every armed timer in Redis. */
export const SLA_TIMER_QUEUE = 'sla-timers';
export const BREACH = 100;

export interface SlaTimerJob {
  clockId: string;
  threshold: number;
}

export const timerPrefix = (config: SlaConfig) => `${config.kafka.topicNamespace}bull`;

/**
 * Redis holds only alarms; PostgreSQL holds the clocks. A lost alarm is re-armed from the
 * database, and a duplicate one fires nothing because each milestone is recorded once.
 */
@Injectable()
export class SlaTimers implements OnApplicationShutdown {
  private readonly queue: Queue<SlaTimerJob>;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: SlaConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.queue = new Queue<SlaTimerJob>(SLA_TIMER_QUEUE, { connection: redis, prefix: timerPrefix(config) });
  }

  async arm(clock: { id: string; startedAt: Date; dueAt: Date }, skip: number[] = []): Promise<void> {
    const thresholds = [...this.config.warningThresholds, BREACH].filter((t) => !skip.includes(t));
    const now = Date.now();
    await this.queue.addBulk(
      thresholds.map((threshold) => ({
        name: threshold === BREACH ? 'breach' : 'warning',
        data: { clockId: clock.id, threshold },
        opts: {
          jobId: `${clock.id}_${threshold}`,
          delay: Math.max(0, thresholdAt(new Date(clock.startedAt), new Date(clock.dueAt), threshold).getTime() - now),
          attempts: 10,
          backoff: { type: 'exponential', delay: 500 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      })),
    );
  }

  /** Stopped clocks' alarms are removed to keep Redis small; one that slips through fires nothing. */
  async disarm(clockId: string): Promise<void> {
    const thresholds = [...this.config.warningThresholds, BREACH];
    await Promise.all(thresholds.map((t) => this.queue.remove(`${clockId}_${t}`).catch(() => 0)));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
