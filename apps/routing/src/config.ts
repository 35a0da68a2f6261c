import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';

const extraSchema = z.object({
  ROUTING_SEED_ROSTER: z.enum(['true', 'false']).default('true'),
});

export interface RoutingConfig extends ServiceConfig {
  seedRoster: boolean;
}

export function loadRoutingConfig(env: NodeJS.ProcessEnv = process.env): RoutingConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return { ...loadServiceConfig('routing', env), seedRoster: extra.ROUTING_SEED_ROSTER === 'true' };
}
