import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';
import type { LlmSettings } from './classification/llm/chat-model.factory.js';
import { DEFAULT_MODEL_FILE } from './model/shipped-training-set.js';

const extraSchema = z.object({
  TRIAGE_TAXONOMY_FILE: z.string().optional(),
  /** The trained local model; the build writes the default one. */
  TRIAGE_MODEL_FILE: z.string().default(DEFAULT_MODEL_FILE),
  /** `none` keeps triage offline and in-process; a hosted model falls back to the local one. */
  TRIAGE_LLM_PROVIDER: z.enum(['none', 'openai', 'anthropic', 'ollama']).default('none'),
  TRIAGE_LLM_MODEL: z.string().optional(),
  TRIAGE_LLM_BASE_URL: z.string().url().optional(),
  TRIAGE_LLM_API_KEY: z.string().optional(),
  TRIAGE_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
});

export interface TriageConfig extends ServiceConfig {
  taxonomyFile: string | undefined;
  modelFile: string;
  llm: LlmSettings;
}

export function loadTriageConfig(env: NodeJS.ProcessEnv = process.env): TriageConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return {
    ...loadServiceConfig('triage', env),
    taxonomyFile: extra.TRIAGE_TAXONOMY_FILE,
    modelFile: extra.TRIAGE_MODEL_FILE,
    llm: {
      provider: extra.TRIAGE_LLM_PROVIDER,
      model: extra.TRIAGE_LLM_MODEL,
      baseUrl: extra.TRIAGE_LLM_BASE_URL,
      apiKey: extra.TRIAGE_LLM_API_KEY,
      timeoutMs: extra.TRIAGE_LLM_TIMEOUT_MS,
    },
  };
}
