import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';

const extraSchema = z.object({
  ROUTING_SEED_ROSTER: z.enum(['true', 'false']).default('true'),
  ROUTING_TIER_POLICY_FILE: z.string().optional(),
  /** Effective priority a queued ticket gains per minute of waiting. */
  ROUTING_QUEUE_AGING_PER_MINUTE: z.coerce.number().min(0).default(2),
  ROUTING_QUEUE_SWEEP_MS: z.coerce.number().int().min(100).default(5000),
});

export interface RoutingConfig extends ServiceConfig {
  seedRoster: boolean;
  tierPolicyFile: string | undefined;
  agingPerMinute: number;
  queueSweepMs: number;
}

export function loadRoutingConfig(env: NodeJS.ProcessEnv = process.env): RoutingConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return {
    ...loadServiceConfig('routing', env),
    seedRoster: extra.ROUTING_SEED_ROSTER === 'true',
    tierPolicyFile: extra.ROUTING_TIER_POLICY_FILE,
    agingPerMinute: extra.ROUTING_QUEUE_AGING_PER_MINUTE,
    queueSweepMs: extra.ROUTING_QUEUE_SWEEP_MS,
  };
}
