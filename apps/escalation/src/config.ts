import { ESCALATION_TRIGGERS, type EscalationTrigger } from '@switchboard/contracts';
import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';

const extraSchema = z.object({
  /** SOP triggers that move a ticket up a tier; one left out is still recorded on the ticket's timeline. */
  ESCALATION_TRIGGERS: z
    .string()
    .default(ESCALATION_TRIGGERS.join(','))
    .transform((v) => [...new Set(v.split(',').map((t) => t.trim()))].filter(Boolean))
    .pipe(z.array(z.enum(ESCALATION_TRIGGERS))),
});

export interface EscalationConfig extends ServiceConfig {
  enabledTriggers: readonly EscalationTrigger[];
}

export function loadEscalationConfig(env: NodeJS.ProcessEnv = process.env): EscalationConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return { ...loadServiceConfig('escalation', env), enabledTriggers: extra.ESCALATION_TRIGGERS };
}
