import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { alarmAt, REDIS, SERVICE_CONFIG } from '@switchboard/service-kit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BusinessCalendar } from '../calendars/business-calendar.js';
import type { SlaConfig } from '../config.js';
import { thresholdAt, type TimedClock } from './clock-timing.js';

/** Queue name and prefix are wire values: renaming them strands every armed timer in Redis. */
export const SLA_TIMER_QUEUE = 'sla-timers';
export const BREACH = 100;

export interface SlaTimerJob {
  clockId: string;
  threshold: number;
  /** The clock's timing generation when armed: a pause, resume or policy change makes older alarms stale. */
  generation?: number;
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
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.queue = new Queue<SlaTimerJob>(SLA_TIMER_QUEUE, { connection: redis, prefix: timerPrefix(config) });
  }

  /**
   * The one alarm a running clock needs next: its lowest threshold not yet fired (paused clocks
   * need none). Firing it arms the following one, so Redis holds one job per clock, not four.
   */
  plan(clock: TimedClock & { id: string; generation: number }, calendar: BusinessCalendar, skip: number[] = []) {
    const threshold = [...this.config.warningThresholds, BREACH].sort((a, b) => a - b).find((t) => !skip.includes(t));
    const at = threshold === undefined ? null : thresholdAt(clock, calendar, threshold);
    if (threshold === undefined || !at) return [];
    return [
      {
        name: threshold === BREACH ? 'breach' : 'warning',
        data: { clockId: clock.id, threshold, generation: clock.generation },
        opts: alarmAt(`${clock.id}_${clock.generation}_${threshold}`, at),
      },
    ];
  }

  async arm(clock: TimedClock & { id: string; generation: number }, calendar: BusinessCalendar, skip: number[] = []) {
    const jobs = this.plan(clock, calendar, skip);
    if (jobs.length > 0) await this.queue.addBulk(jobs);
  }

  async armMany(jobs: ReturnType<SlaTimers['plan']>): Promise<void> {
    if (jobs.length > 0) await this.queue.addBulk(jobs);
  }

  /**
   * Adds only the alarms Redis lacks: one pipelined EXISTS per job is far cheaper than re-adding
   * 100,000 jobs, so the periodic reconcile stays light when nothing was lost.
   */
  async armMissing(jobs: ReturnType<SlaTimers['plan']>): Promise<number> {
    if (jobs.length === 0) return 0;
    const pipeline = this.redis.pipeline();
    for (const job of jobs) pipeline.exists(`${timerPrefix(this.config)}:${SLA_TIMER_QUEUE}:${job.opts.jobId}`);
    const results = (await pipeline.exec()) ?? [];
    const missing = jobs.filter((_, i) => results[i]?.[1] !== 1);
    for (let i = 0; i < missing.length; i += 1000) await this.queue.addBulk(missing.slice(i, i + 1000));
    return missing.length;
  }

  /** A stopped or retimed clock's alarms are removed to keep Redis small; one that slips through fires nothing. */
  async disarm(clockId: string, generation: number): Promise<void> {
    const thresholds = [...this.config.warningThresholds, BREACH];
    await Promise.all(thresholds.map((t) => this.queue.remove(`${clockId}_${generation}_${t}`).catch(() => 0)));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
