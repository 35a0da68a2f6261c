import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { escalationTriggerSchema, ticketIdSchema, tierSchema } from '../../vocabulary.js';

const at = z.iso.datetime({ offset: true });

/** Bumped on any breaking change to the package's shape; readers check it before trusting fields. */
export const HANDOFF_SCHEMA_VERSION = 1;

export const handoffPackageSchema = z.object({
  schemaVersion: z.literal(HANDOFF_SCHEMA_VERSION),
  handoffId: z.uuid(),
  ticketId: ticketIdSchema,
  escalationId: z.uuid(),
  fromTier: tierSchema,
  toTier: tierSchema,
  trigger: escalationTriggerSchema,
  reason: z.string(),
  customer: z.object({ id: z.string().nullable(), serviceLevel: z.string().nullable(), channel: z.string().nullable() }),
  interactions: z.array(
    z.object({
      at,
      kind: z.enum(['inquiry', 'customer_reply', 'agent_response']),
      author: z.string().nullable(),
      body: z.string(),
    }),
  ),
  environment: z.record(z.string(), z.unknown()),
  diagnostics: z.array(z.string()),
  selfService: z.array(z.object({ at, articleId: z.string(), stepsTried: z.array(z.string()) })),
  triage: z
    .object({
      labels: z.record(z.string(), z.object({ label: z.string(), confidence: z.number() })),
      confidence: z.number(),
      rationale: z.string(),
      guidance: z.unknown().optional(),
      modelVersion: z.string(),
    })
    .nullable(),
  sentimentTrend: z.array(z.object({ at, sentiment: z.string(), confidence: z.number() })),
  clocks: z.array(
    z.object({
      clockId: z.uuid(),
      kind: z.string(),
      tier: z.string(),
      state: z.string(),
      dueAt: at.nullable(),
      timeLeftMs: z.number().int().nullable(),
      lastWarningPercent: z.number().int().nullable(),
    }),
  ),
  suggestedNextSteps: z.array(z.string()),
  preparedAt: at,
});

export type HandoffPackage = z.infer<typeof handoffPackageSchema>;

/** One escalation's complete context for the receiving tier (the SOP's handoff package). */
export const handoffPreparedEvent = defineEvent(Topics.HandoffPrepared, handoffPackageSchema);

export type HandoffPrepared = EventData<typeof handoffPreparedEvent>;

export const handoffPreparedExample: HandoffPrepared = {
  schemaVersion: HANDOFF_SCHEMA_VERSION,
  handoffId: '4e4e4e4e-1111-4a4a-8b8b-777777777777',
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  escalationId: '9e9e9e9e-5555-4f4f-8a8a-666666666666',
  fromTier: 'L1',
  toTier: 'L2',
  trigger: 'sla_breach',
  reason: 'first response target missed at L1',
  customer: { id: 'cust-42', serviceLevel: 'premium', channel: 'email' },
  interactions: [
    { at: '2026-11-27T10:00:00.000Z', kind: 'inquiry', author: 'cust-42', body: 'Plugins stopped loading after upgrade' },
  ],
  environment: { os: 'macOS 15', python: '3.12' },
  diagnostics: ['ModuleNotFoundError in the log'],
  selfService: [],
  triage: {
    labels: { urgency: { label: 'high', confidence: 0.82 } },
    confidence: 0.5,
    rationale: 'urgency=high',
    modelVersion: 'rules-1',
  },
  sentimentTrend: [],
  clocks: [],
  suggestedNextSteps: ['Reproduce with the customer environment'],
  preparedAt: '2026-11-27T11:00:02.000Z',
};
