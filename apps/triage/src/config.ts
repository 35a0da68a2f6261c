import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';
import type { LlmSettings } from './classification/llm/chat-model.factory.js';
import {
  additionalHoldoutFiles,
  DEFAULT_HOLDOUT_FILE,
  DEFAULT_MODEL_FILE,
  SHIPPED_TRAINING_DIR,
} from './model/shipped-training-set.js';
import {
  DEFAULT_ALTERNATIVE_MIN,
  DEFAULT_REVIEW_THRESHOLDS,
  DEFAULT_URGENT_LABELS,
  parseReviewThresholds,
  type ReviewPolicy,
} from './review/review-policy.js';

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
  /** `field=threshold,...`: a field whose confidence is under its threshold sends the triage to review; 0 turns a field off */
  TRIAGE_REVIEW_THRESHOLDS: z.string().default(DEFAULT_REVIEW_THRESHOLDS),
  /** whether `inquiry triaged` waits for the review: always, never, or only when urgency could be one of the urgent labels */
  TRIAGE_REVIEW_HOLDS: z.enum(['always', 'never', 'urgent']).default('urgent'),
  TRIAGE_REVIEW_URGENT_LABELS: z.string().default(DEFAULT_URGENT_LABELS),
  /** an alternative label this likely counts as "could be" for the hold policy */
  TRIAGE_REVIEW_ALTERNATIVE_MIN: z.coerce.number().min(0).max(1).default(DEFAULT_ALTERNATIVE_MIN),
  /** retraining: the shipped training set and the holdout every version is scored on */
  TRIAGE_TRAINING_DIR: z.string().default(SHIPPED_TRAINING_DIR),
  TRIAGE_HOLDOUT_FILE: z.string().default(DEFAULT_HOLDOUT_FILE),
  /** comma-separated holdouts scored and published beside the main one; empty for none */
  TRIAGE_ADDITIONAL_HOLDOUT_FILES: z.string().optional(),
  /** how often each instance checks which model version is active (switching needs no restart) */
  TRIAGE_MODEL_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** ready versions whose model is kept besides the active and shadow ones; older ones keep only their scores */
  TRIAGE_MODELS_KEPT: z.coerce.number().int().min(1).max(1000).default(5),
  /** worker threads a retraining learns its fields on; 1 leaves the other cores to serving */
  TRIAGE_TRAINING_THREADS: z.coerce.number().int().min(1).max(64).default(1),
});

export interface TriageConfig extends ServiceConfig {
  taxonomyFile: string | undefined;
  modelFile: string;
  llm: LlmSettings;
  review: ReviewPolicy;
  trainingDir: string;
  holdoutFile: string;
  additionalHoldoutFiles: string[];
  modelPollMs: number;
  modelsKept: number;
  trainingThreads: number;
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
    review: {
      thresholds: parseReviewThresholds(extra.TRIAGE_REVIEW_THRESHOLDS),
      holds: extra.TRIAGE_REVIEW_HOLDS,
      urgentLabels: extra.TRIAGE_REVIEW_URGENT_LABELS.split(',')
        .map((l) => l.trim())
        .filter(Boolean),
      alternativeMin: extra.TRIAGE_REVIEW_ALTERNATIVE_MIN,
    },
    trainingDir: extra.TRIAGE_TRAINING_DIR,
    holdoutFile: extra.TRIAGE_HOLDOUT_FILE,
    additionalHoldoutFiles: additionalHoldoutFiles(extra.TRIAGE_ADDITIONAL_HOLDOUT_FILES),
    modelPollMs: extra.TRIAGE_MODEL_POLL_MS,
    modelsKept: extra.TRIAGE_MODELS_KEPT,
    trainingThreads: extra.TRIAGE_TRAINING_THREADS,
  };
}
