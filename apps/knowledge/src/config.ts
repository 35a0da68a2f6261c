import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';

const extraSchema = z.object({
  KNOWLEDGE_SEED_ON_START: z.enum(['true', 'false']).default('true'),
  /** Suggestions scoring under this are not shown (default: the retriever's calibrated no-answer threshold). */
  KNOWLEDGE_MIN_SCORE: z.coerce.number().min(0).max(1).optional(),
  KNOWLEDGE_SUGGESTION_LIMIT: z.coerce.number().int().min(1).max(20).default(3),
});

export interface KnowledgeConfig extends ServiceConfig {
  seedOnStart: boolean;
  minScore: number | undefined;
  suggestionLimit: number;
}

export function loadKnowledgeConfig(env: NodeJS.ProcessEnv = process.env): KnowledgeConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return {
    ...loadServiceConfig('knowledge', env),
    seedOnStart: extra.KNOWLEDGE_SEED_ON_START === 'true',
    minScore: extra.KNOWLEDGE_MIN_SCORE,
    suggestionLimit: extra.KNOWLEDGE_SUGGESTION_LIMIT,
  };
}
