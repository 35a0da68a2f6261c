import { randomUUID } from 'node:crypto';

import { freePort } from './free-port.js';
import { assertTestDatabase, TEST_DATABASE_URL } from './global-setup.js';

export { assertTestDatabase, freePort, TEST_DATABASE_URL };
export const TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Services under test accept this key with every scope (it is their SWITCHBOARD_DEV_API_KEY), and
 * `http` and `grpcClient` send it unless told otherwise.
 */
export const TEST_API_KEY = 'sb_test_switchboard_e2e_key';

/**
 * Each test file gets its own topic namespace (and with it consumer groups, timer queues and
 * database schemas), so files never see each other's events or rows though they share one
 * broker and one database.
 */
export function testNamespace(label: string): string {
  return `t${Date.now().toString(36)}-${label}-${randomUUID().slice(0, 6)}.`;
}

/** The database schema suffix that goes with a namespace: `intake_t1ab2c3d4_flow_9f8e7d`. */
export function schemaSuffix(namespace: string): string {
  return `_${namespace
    .replace(/\.$/, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()}`;
}

/** A service's schema name within a test namespace, for assertions that read its tables. */
export function schemaOf(service: string, namespace: string): string {
  return `${service.replace('-', '_')}${schemaSuffix(namespace)}`;
}

/** The environment a service under test reads its configuration from. */
export async function serviceEnv(namespace: string, extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  assertTestDatabase(TEST_DATABASE_URL);
  return {
    ...process.env,
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS,
    REDIS_URL: TEST_REDIS_URL,
    TOPIC_NAMESPACE: namespace,
    DB_SCHEMA_SUFFIX: schemaSuffix(namespace),
    TOPIC_PARTITIONS: '3',
    HTTP_PORT: String(await freePort()),
    GRPC_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    SWITCHBOARD_DEV_API_KEY: TEST_API_KEY,
    ...extra,
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 20_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}
