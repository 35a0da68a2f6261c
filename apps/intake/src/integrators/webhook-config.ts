import { loadExtraConfig } from '@switchboard/service-kit';
import { z } from 'zod';

const ms = z.coerce.number().int().min(1);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const schema = z.object({
  /** First retry delay; each further retry doubles it (with jitter) up to WEBHOOK_RETRY_MAX_DELAY_MS. */
  WEBHOOK_RETRY_BASE_DELAY_MS: ms.default(10_000),
  WEBHOOK_RETRY_MAX_DELAY_MS: ms.default(3_600_000),
  /** After this long since the first attempt a failing delivery is dead-lettered. */
  WEBHOOK_RETRY_WINDOW_MS: ms.default(24 * 3_600_000),
  WEBHOOK_TIMEOUT_MS: ms.default(10_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Loopback and private-network targets are refused unless this is on (dev and test only). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: flag.default(false),
  /** How long the previous secret keeps signing after a rotation. */
  WEBHOOK_SECRET_GRACE_MS: ms.default(24 * 3_600_000),
  WEBHOOK_RECONCILE_INTERVAL_MS: ms.default(60_000),
  /** Delivered and dead deliveries (and their attempts) older than this leave the log; replays come from Kafka. */
  WEBHOOK_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * A delivery waits (at most this long) until the event that caused it has been consumed, so an
   * effect read from one topic is never sent before its cause still queued in another. Counted
   * from the later of its recording and the webhook tap's last (re)join.
   */
  WEBHOOK_CAUSAL_HOLD_MS: ms.default(10_000),
  /**
   * A delivery is sent no sooner than this after its event happened, so that events of one moment
   * read from different topics (siblings of one transaction: triaged and review requested) are all
   * recorded first and leave in event-time order. 0 sends at once.
   */
  WEBHOOK_ORDER_SETTLE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
});

export type WebhookConfig = z.infer<typeof schema>;

export const WEBHOOK_CONFIG = Symbol('WEBHOOK_CONFIG');

export const loadWebhookConfig = (env: NodeJS.ProcessEnv = process.env): WebhookConfig => loadExtraConfig(schema, env);

/** The consumer group suffix of webhook recording; its inbox tells which causes have been seen. */
export const WEBHOOK_TAP = 'webhooks';
