import { apiKeyScopeSchema } from '@switchboard/contracts';
import { z } from 'zod';

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z
      .array(apiKeyScopeSchema)
      .min(1)
      .refine((s) => new Set(s).size === s.length, 'scopes must not repeat'),
    rateLimit: z
      .object({
        perSecond: z.number().int().min(1).max(100_000).nullable().default(null),
        perMinute: z.number().int().min(1).max(6_000_000).nullable().default(null),
      })
      .strict()
      .default({ perSecond: null, perMinute: null }),
    expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .strict();

export type CreateApiKey = z.infer<typeof createApiKeySchema>;

export const rotateApiKeySchema = z
  .object({
    /** How long the previous secret keeps working; the deployment's default when absent. */
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400)
      .optional(),
  })
  .strict();

export const apiKeyViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  status: z.enum(['active', 'revoked']),
  rateLimit: z.object({ perSecond: z.number().int().nullable(), perMinute: z.number().int().nullable() }),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  previousSecretValidUntil: z.string().nullable(),
});

export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

/** Only the answers to create and rotate carry the secret, and nothing stores it. */
export const issuedApiKeySchema = apiKeyViewSchema.extend({ key: z.string() });
export type IssuedApiKey = z.infer<typeof issuedApiKeySchema>;
