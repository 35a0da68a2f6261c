import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';

const extraSchema = z.object({
  /** Shared secret of the GitHub webhook; without it every GitHub delivery is refused. */
  INTAKE_GITHUB_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** How long after a ticket the same inquiry on another channel is merged into it. */
  INTAKE_DEDUPE_WINDOW_HOURS: z.coerce.number().min(0).default(24),
  /** Token-set similarity (0..1) above which two inquiries of one customer are the same inquiry. */
  INTAKE_DEDUPE_SIMILARITY: z.coerce.number().min(0).max(1).default(0.9),
  INTAKE_EMAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  INTAKE_BUNDLE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  INTAKE_BUNDLE_MAX_UNPACKED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  INTAKE_BUNDLE_MAX_FILES: z.coerce.number().int().min(1).default(1000),
});

export interface IntakeChannelsConfig {
  githubWebhookSecret: string | undefined;
  dedupeWindowMs: number;
  dedupeSimilarity: number;
  emailMaxBytes: number;
}

export interface BundleLimits {
  maxBytes: number;
  maxUnpackedBytes: number;
  maxFiles: number;
}

export interface IntakeConfig extends ServiceConfig {
  channels: IntakeChannelsConfig;
  bundles: BundleLimits;
}

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return {
    ...loadServiceConfig('intake', env),
    channels: {
      githubWebhookSecret: extra.INTAKE_GITHUB_WEBHOOK_SECRET,
      dedupeWindowMs: extra.INTAKE_DEDUPE_WINDOW_HOURS * 3_600_000,
      dedupeSimilarity: extra.INTAKE_DEDUPE_SIMILARITY,
      emailMaxBytes: extra.INTAKE_EMAIL_MAX_BYTES,
    },
    bundles: {
      maxBytes: extra.INTAKE_BUNDLE_MAX_BYTES,
      maxUnpackedBytes: extra.INTAKE_BUNDLE_MAX_UNPACKED_BYTES,
      maxFiles: extra.INTAKE_BUNDLE_MAX_FILES,
    },
  };
}
