import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { labelSchema, ticketIdSchema } from '../../vocabulary.js';

/** Triage's reading of one customer message, so escalation can follow the sentiment trend. */
export const sentimentAssessedEvent = defineEvent(
  Topics.SentimentAssessed,
  z.object({
    ticketId: ticketIdSchema,
    messageId: z.uuid(),
    sentiment: labelSchema,
    confidence: z.number().min(0).max(1),
    modelVersion: z.string().min(1),
    assessedAt: z.iso.datetime({ offset: true }),
  }),
);

export type SentimentAssessed = EventData<typeof sentimentAssessedEvent>;

export const sentimentAssessedExample: SentimentAssessed = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  messageId: '1a2b3c4d-1111-4e4e-8f8f-555555555555',
  sentiment: 'negative',
  confidence: 0.81,
  modelVersion: 'local-2026-11-27',
  assessedAt: '2026-11-27T12:00:01.000Z',
};
