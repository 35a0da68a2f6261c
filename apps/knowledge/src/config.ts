import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';
import type { EmbeddingsSettings } from './articles/embeddings.factory.js';

const extraSchema = z.object({
  KNOWLEDGE_SEED_ON_START: z.enum(['true', 'false']).default('true'),
  /** Suggestions scoring under this are not shown (default: the retriever's calibrated no-answer threshold). */
  KNOWLEDGE_MIN_SCORE: z.coerce.number().min(0).max(1).optional(),
  KNOWLEDGE_SUGGESTION_LIMIT: z.coerce.number().int().min(1).max(20).default(3),
  KNOWLEDGE_EMBEDDINGS_PROVIDER: z.enum(['local', 'openai', 'ollama']).default('local'),
  KNOWLEDGE_EMBEDDINGS_MODEL: z.string().optional(),
  KNOWLEDGE_EMBEDDINGS_BASE_URL: z.string().url().optional(),
  KNOWLEDGE_EMBEDDINGS_API_KEY: z.string().optional(),
});

export interface KnowledgeConfig extends ServiceConfig {
  seedOnStart: boolean;
  minScore: number | undefined;
  suggestionLimit: number;
  embeddings: EmbeddingsSettings;
}

export function loadKnowledgeConfig(env: NodeJS.ProcessEnv = process.env): KnowledgeConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return {
    ...loadServiceConfig('knowledge', env),
    seedOnStart: extra.KNOWLEDGE_SEED_ON_START === 'true',
    minScore: extra.KNOWLEDGE_MIN_SCORE,
    suggestionLimit: extra.KNOWLEDGE_SUGGESTION_LIMIT,
    embeddings: {
      provider: extra.KNOWLEDGE_EMBEDDINGS_PROVIDER,
      model: extra.KNOWLEDGE_EMBEDDINGS_MODEL,
      baseUrl: extra.KNOWLEDGE_EMBEDDINGS_BASE_URL,
      apiKey: extra.KNOWLEDGE_EMBEDDINGS_API_KEY,
    },
  };
}
