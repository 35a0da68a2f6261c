import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis } from '../redis/redis.js';
import { DURABLE_ALARM_OPTIONS } from './alarm-job-options.js';
import { DurableTimerWorker } from './durable-timer-worker.js';

interface Alarm {
  id: string;
}

const until = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

/**
 * The database outlives every retry: an alarm whose handler fails all its attempts must still be
 * re-armable by the reconciler under its own job id, or it is lost for good.
 */
describe('durable alarms', () => {
  const prefix = `t${randomUUID().slice(0, 8)}bull`;
  const queueName = 'alarms';
  let redis: Redis;
  let queue: Queue<Alarm>;
  let worker: DurableTimerWorker<Alarm> | undefined;

  beforeAll(() => {
    redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    queue = new Queue<Alarm>(queueName, { connection: redis, prefix });
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  });

  const start = async (handle: () => Promise<void>, rearm: () => Promise<number>, reconcileIntervalMs: number): Promise<void> => {
    worker = await DurableTimerWorker.start<Alarm>({
      queue: queueName,
      prefix,
      connection: redis,
      concurrency: 1,
      handle,
      rearm,
      reconcileIntervalMs,
      what: 'test alarms',
      logger: new Logger('durable-alarms-test'),
    });
  };

  it('tries a failing alarm again within seconds, not at the next reconcile', async () => {
    const calls: number[] = [];
    let handled = false;
    const handle = async () => {
      calls.push(Date.now());
      if (calls.length < 3) throw new Error('database briefly away');
      handled = true;
    };
    await start(handle, async () => 0, 600_000);
    await queue.add('fire', { id: 'clock-0' }, { ...DURABLE_ALARM_OPTIONS, jobId: 'clock-0_0_50' });

    await until(() => handled, 10_000);

    expect(calls).toHaveLength(3);
    expect(calls[2]! - calls[0]!).toBeLessThan(5_000);
  });

  it('re-arms an alarm that failed every attempt, under the same id, once the cause is gone', async () => {
    let databaseUp = false;
    let handled = 0;
    let failures = 0;
    const arm = () =>
      queue.add(
        'fire',
        { id: 'clock-1' },
        { ...DURABLE_ALARM_OPTIONS, attempts: 2, backoff: { type: 'fixed', delay: 20 }, jobId: 'clock-1_0_100' },
      );
    const handle = async () => {
      if (!databaseUp) {
        failures += 1;
        throw new Error('database unavailable');
      }
      handled += 1;
    };
    const rearm = async () => {
      if (handled > 0) return 0;
      await arm();
      return 1;
    };
    await start(handle, rearm, 300);

    await until(() => failures >= 2, 10_000);
    databaseUp = true;
    await until(() => handled === 1, 10_000);

    expect(handled).toBe(1);
    expect(await queue.getJob('clock-1_0_100')).toBeUndefined();
  });
});
