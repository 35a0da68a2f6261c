import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { channelSchema, labelSchema, serviceLevelSchema, ticketIdSchema } from '../../vocabulary.js';

const confidence = z.number().min(0).max(1);
const field = z.object({ label: labelSchema, confidence });

export const inquiryTriagedEvent = defineEvent(
  Topics.InquiryTriaged,
  z.object({
    ticketId: ticketIdSchema,
    urgency: field,
    category: field,
    complexity: field,
    userType: field,
    component: field,
    sentiment: field,
    confidence,
    serviceLevel: serviceLevelSchema,
    /** Added after v1 shipped; optional so older producers stay valid. Per-channel capacity uses it. */
    channel: channelSchema.optional(),
    /** The customer's preferred language, passed on for routing. */
    language: z.string().optional(),
    rationale: z.string(),
    /** Added after v1 shipped, optional: the suggested pathway, expertise and time to resolve. */
    guidance: z
      .object({
        pathway: z.enum(['self-service', 'agent-guided', 'engineering', 'product-feedback', 'documentation']),
        expertise: z.array(z.string()),
        estimatedResolutionHours: z.number().positive(),
      })
      .optional(),
    modelVersion: z.string().min(1),
    /** Added after v1 shipped, optional: present when a person reviewed the labels before this event was emitted. */
    reviewed: z
      .object({
        reviewer: z.string().min(1),
        outcome: z.enum(['accepted', 'corrected']),
        reviewedAt: z.iso.datetime({ offset: true }),
      })
      .optional(),
  }),
);

export type InquiryTriaged = EventData<typeof inquiryTriagedEvent>;

export const inquiryTriagedExample: InquiryTriaged = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  urgency: { label: 'high', confidence: 0.82 },
  category: { label: 'bug', confidence: 0.77 },
  complexity: { label: 'moderate', confidence: 0.6 },
  userType: { label: 'experienced', confidence: 0.5 },
  component: { label: 'plugin-system', confidence: 0.9 },
  sentiment: { label: 'negative', confidence: 0.7 },
  confidence: 0.5,
  serviceLevel: 'premium',
  rationale: 'urgency=high from "none of my plugins load"; component=plugin-system from "plugins"',
  modelVersion: 'rules-1',
};
