import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

// Jest loads this file outside its module mapping, so it imports nothing of the project's own.
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/switchboard_test';

/** Tests must never touch a database whose name does not say it is for tests. */
export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!/test/i.test(name)) throw new Error(`refusing to run tests against database "${name}": its name must contain "test"`);
}

interface Stoppable {
  stop(): Promise<unknown>;
}

const containers: Stoppable[] = [];

async function dockerAnswers(): Promise<boolean> {
  try {
    await promisify(execFile)('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Tests find Kafka, PostgreSQL and Redis through KAFKA_BROKERS, TEST_DATABASE_URL and REDIS_URL.
 * When those are not all given and a Docker engine answers, containers are started for them;
 * otherwise the local defaults (127.0.0.1) are used, as `./switchboard test` provides them.
 */
async function provideInfrastructure(): Promise<void> {
  const given = ['KAFKA_BROKERS', 'TEST_DATABASE_URL', 'REDIS_URL'].every((v) => process.env[v]);
  if (given || !(await dockerAnswers())) return;
  const { GenericContainer, Wait } = await import('testcontainers');
  const postgres = await new GenericContainer('postgres:16')
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust', POSTGRES_DB: 'switchboard_test' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
    .start();
  const redis = await new GenericContainer('redis:7').withExposedPorts(6379).start();
  // Kafka advertises the address clients must use, so the host port is fixed rather than random.
  const kafkaPort = 29092;
  const kafka = await new GenericContainer('apache/kafka:3.9.1')
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withExposedPorts({ container: 9092, host: kafkaPort })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  containers.push(postgres, redis, kafka);
  process.env.TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${postgres.getMappedPort(5432)}/switchboard_test`;
  process.env.REDIS_URL = `redis://127.0.0.1:${redis.getMappedPort(6379)}`;
  process.env.KAFKA_BROKERS = `127.0.0.1:${kafkaPort}`;
  (globalThis as { __switchboardContainers?: Stoppable[] }).__switchboardContainers = containers;
}

/** Creates the test database if needed and starts every run with no schema left from earlier runs. */
export default async function globalSetup(): Promise<void> {
  await provideInfrastructure();
  const url = new URL(process.env.TEST_DATABASE_URL ?? TEST_DATABASE_URL);
  assertTestDatabase(url.toString());
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const { rows } = await db.query(
    `SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`,
  );
  for (const { nspname } of rows) await db.query(`DROP SCHEMA "${nspname}" CASCADE`);
  await db.end();
}
