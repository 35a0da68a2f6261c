import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { apiKeyScopeSchema } from '../../vocabulary.js';

/**
 * The whole current state of one integrator's API key, keyed by its id on a compacted topic, so
 * every service can check keys without reading intake's tables. Only SHA-256 hashes of the
 * secrets travel: a hash of a 256-bit random secret cannot be turned back into the secret.
 */
export const apiKeyChangedEvent = defineEvent(
  Topics.ApiKeys,
  z.object({
    keyId: z.uuid(),
    name: z.string().min(1),
    /** The visible start of the secret (`sb_live_AbCd`), to recognise a key in logs and lists. */
    prefix: z.string().min(1),
    status: z.enum(['active', 'revoked']),
    scopes: z.array(apiKeyScopeSchema).min(1),
    /** Requests allowed per window; null means the deployment's default. */
    rateLimit: z.object({
      perSecond: z.number().int().positive().nullable(),
      perMinute: z.number().int().positive().nullable(),
    }),
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
    /** The current secret (validUntil null) and, after a rotation, the previous one until its grace period ends. */
    secrets: z.array(
      z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), validUntil: z.iso.datetime({ offset: true }).nullable() }),
    ),
    changedAt: z.iso.datetime({ offset: true }),
  }),
);

export type ApiKeyChanged = EventData<typeof apiKeyChangedEvent>;

export const apiKeyChangedExample: ApiKeyChanged = {
  keyId: '0b7e6f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b',
  name: 'acme-crm',
  prefix: 'sb_live_Q2x9',
  status: 'active',
  scopes: ['submit', 'read'],
  rateLimit: { perSecond: 20, perMinute: 600 },
  expiresAt: null,
  secrets: [{ sha256: 'a'.repeat(64), validUntil: null }],
  changedAt: '2026-11-27T10:00:00.000Z',
};
