import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';

const extraSchema = z.object({ TRIAGE_TAXONOMY_FILE: z.string().optional() });

export interface TriageConfig extends ServiceConfig {
  taxonomyFile: string | undefined;
}

export function loadTriageConfig(env: NodeJS.ProcessEnv = process.env): TriageConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return { ...loadServiceConfig('triage', env), taxonomyFile: extra.TRIAGE_TAXONOMY_FILE };
}
