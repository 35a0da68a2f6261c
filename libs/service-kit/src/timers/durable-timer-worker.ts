import type { Logger } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';

const STALLED_LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;

export interface DurableTimerWorkerOptions<Job> {
  queue: string;
  prefix: string;
  connection: Redis;
  concurrency: number;
  handle: (job: Job) => Promise<unknown>;
  /** Arms from PostgreSQL every alarm Redis may lack; answers how many it armed. */
  rearm: () => Promise<number>;
  reconcileIntervalMs: number;
  /** What the alarms are, for the log: "webhook deliveries", "survey alarms". */
  what: string;
  logger: Logger;
}

/**
 * BullMQ alarms whose truth lives in PostgreSQL: re-armed at start (a flushed or lost Redis loses
 * nothing) and again every reconcile interval; closing lets the alarm in hand finish.
 */
export class DurableTimerWorker<Job> {
  private constructor(
    private readonly worker: Worker<Job>,
    private readonly reconcile: NodeJS.Timeout,
  ) {}

  static async start<Job>(options: DurableTimerWorkerOptions<Job>): Promise<DurableTimerWorker<Job>> {
    const { logger, what } = options;
    const worker = new Worker<Job>(options.queue, (job) => options.handle(job.data), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      // A job that was running in a crashed process keeps its id until the stalled check frees it,
      // and re-arming under that id is refused meanwhile: with BullMQ's defaults (30 s lock, 30 s
      // check) a webhook lane stood still for up to a minute after a crash. The lock is renewed
      // every 5 s while the job runs, so only a dead process loses it, or one whose event loop is
      // blocked for over 10 s: its job then runs again elsewhere while the first run carries on,
      // so every handler must stand running twice at once (early-alarms.e2e, sla-monitor.e2e).
      lockDuration: STALLED_LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
    });
    worker.on('failed', (job, error) => logger.warn(`${what}: job ${job?.id} failed: ${error.message}`));
    const armed = await options.rearm();
    if (armed > 0) logger.log(`re-armed ${armed} ${what} from the database`);
    const reconcile = setInterval(() => {
      options.rearm().catch((error: Error) => logger.warn(`${what}: reconcile failed: ${error.message}`));
    }, options.reconcileIntervalMs);
    reconcile.unref();
    return new DurableTimerWorker(worker, reconcile);
  }

  async close(): Promise<void> {
    clearInterval(this.reconcile);
    await this.worker.close();
  }
}
