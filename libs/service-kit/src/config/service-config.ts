import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

export const SERVICE_NAMES = ['intake', 'triage', 'routing', 'escalation', 'sla-monitor', 'knowledge'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const DEFAULT_PORTS: Record<ServiceName, { http: number; grpc: number }> = {
  intake: { http: 3001, grpc: 50051 },
  triage: { http: 3002, grpc: 50052 },
  routing: { http: 3003, grpc: 50053 },
  escalation: { http: 3004, grpc: 50054 },
  'sla-monitor': { http: 3005, grpc: 50055 },
  knowledge: { http: 3006, grpc: 50056 },
};

export const DEFAULT_DEV_API_KEY = 'sb_dev_switchboard_local';

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: port.optional(),
  GRPC_HOST: z.string().default('127.0.0.1'),
  GRPC_PORT: port.optional(),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/switchboard'),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .optional(),
  /** Appended to the default schema name, so isolated stacks (one per test file) can share a database. */
  DB_SCHEMA_SUFFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/)
    .default(''),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  TOPIC_NAMESPACE: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/)
    .default(''),
  TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(256).default(6),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
  /** Events of one partition handled in one transaction; 1 gives each event its own. */
  CONSUMER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  NODE_ENV: z.string().default('development'),
  /** A key with every scope, accepted by every service outside production (see README). */
  SWITCHBOARD_DEV_API_KEY: z.string().min(16).default(DEFAULT_DEV_API_KEY),
  /** Hex SHA-256 of an admin key accepted everywhere, production included, to create the first real keys. */
  SWITCHBOARD_BOOTSTRAP_ADMIN_KEY_SHA256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'a hex SHA-256 (64 characters)')
    .optional(),
  /** Applied to keys whose record sets no limit of their own; 0 means no limit. */
  API_KEY_DEFAULT_RATE_PER_SECOND: z.coerce.number().int().min(0).default(50),
  API_KEY_DEFAULT_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(1500),
  /** How long a rotated key's previous secret keeps working, so integrators can switch without downtime. */
  API_KEY_ROTATION_GRACE_SECONDS: z.coerce.number().int().min(0).default(86_400),
});

export interface ServiceConfig {
  service: ServiceName;
  http: { host: string; port: number };
  grpc: { host: string; port: number };
  database: { url: string; schema: string };
  redis: { url: string };
  kafka: {
    brokers: string[];
    clientId: string;
    topicNamespace: string;
    partitions: number;
    consumerGroup: string;
    maxAttempts: number;
    concurrency: number;
    batchSize: number;
    inboxRetentionDays: number;
  };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  auth: {
    /** null in production: only keys issued through intake work there. */
    devApiKey: string | null;
    bootstrapAdminKeySha256: string | null;
    defaultRateLimit: { perSecond: number | null; perMinute: number | null };
    rotationGraceSeconds: number;
  };
}

/** Reads and validates the environment once at boot; a bad value stops the process with a clear code. */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new AppError('CONFIG.INVALID', `invalid configuration: ${z.prettifyError(parsed.error)}`, 500);
  }
  const e = parsed.data;
  const namespace = e.TOPIC_NAMESPACE;
  return {
    service,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT ?? DEFAULT_PORTS[service].http },
    grpc: { host: e.GRPC_HOST, port: e.GRPC_PORT ?? DEFAULT_PORTS[service].grpc },
    database: { url: e.DATABASE_URL, schema: e.DB_SCHEMA ?? `${service.replace('-', '_')}${e.DB_SCHEMA_SUFFIX}` },
    redis: { url: e.REDIS_URL },
    kafka: {
      brokers: e.KAFKA_BROKERS.split(',').map((b) => b.trim()),
      clientId: `switchboard-${service}`,
      topicNamespace: namespace,
      partitions: e.TOPIC_PARTITIONS,
      consumerGroup: `${namespace}switchboard-${service}`,
      maxAttempts: e.CONSUMER_MAX_ATTEMPTS,
      concurrency: e.CONSUMER_CONCURRENCY,
      batchSize: e.CONSUMER_BATCH_SIZE,
      inboxRetentionDays: e.INBOX_RETENTION_DAYS,
    },
    logLevel: e.LOG_LEVEL,
    auth: {
      devApiKey: e.NODE_ENV === 'production' ? null : e.SWITCHBOARD_DEV_API_KEY,
      bootstrapAdminKeySha256: e.SWITCHBOARD_BOOTSTRAP_ADMIN_KEY_SHA256 ?? null,
      defaultRateLimit: {
        perSecond: e.API_KEY_DEFAULT_RATE_PER_SECOND || null,
        perMinute: e.API_KEY_DEFAULT_RATE_PER_MINUTE || null,
      },
      rotationGraceSeconds: e.API_KEY_ROTATION_GRACE_SECONDS,
    },
  };
}

/** Parses a service's own extra settings with the same error shape as the base config. */
export function loadExtraConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new AppError('CONFIG.INVALID', `invalid configuration: ${z.prettifyError(parsed.error)}`, 500);
  }
  return parsed.data;
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
