import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';
import type { LlmSettings } from './classification/llm/chat-model.factory.js';

const extraSchema = z.object({
  TRIAGE_TAXONOMY_FILE: z.string().optional(),
  /** `none` keeps triage offline and in-process; a hosted model falls back to the local one. */
  TRIAGE_LLM_PROVIDER: z.enum(['none', 'openai', 'anthropic', 'ollama']).default('none'),
  TRIAGE_LLM_MODEL: z.string().optional(),
  TRIAGE_LLM_BASE_URL: z.string().url().optional(),
  TRIAGE_LLM_API_KEY: z.string().optional(),
  TRIAGE_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
});

export interface TriageConfig extends ServiceConfig {
  taxonomyFile: string | undefined;
  llm: LlmSettings;
}

export function loadTriageConfig(env: NodeJS.ProcessEnv = process.env): TriageConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return {
    ...loadServiceConfig('triage', env),
    taxonomyFile: extra.TRIAGE_TAXONOMY_FILE,
    llm: {
      provider: extra.TRIAGE_LLM_PROVIDER,
      model: extra.TRIAGE_LLM_MODEL,
      baseUrl: extra.TRIAGE_LLM_BASE_URL,
      apiKey: extra.TRIAGE_LLM_API_KEY,
      timeoutMs: extra.TRIAGE_LLM_TIMEOUT_MS,
    },
  };
}
