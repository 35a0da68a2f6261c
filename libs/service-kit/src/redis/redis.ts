import { Redis } from 'ioredis';

/** BullMQ workers block on Redis, so requests must not give up after a fixed number of retries. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

export const REDIS = Symbol('REDIS');
