import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { labelSchema, ticketIdSchema } from '../../vocabulary.js';

/**
 * A person changed triage labels. When `inquiry triaged` was already emitted with the old labels
 * (`supersedesTriaged`), consumers that care may re-evaluate; triage also learns from it.
 */
export const triageCorrectedEvent = defineEvent(
  Topics.TriageCorrected,
  z.object({
    ticketId: ticketIdSchema,
    reviewId: z.uuid(),
    reviewer: z.string().min(1),
    changes: z.array(z.object({ field: z.string().min(1), from: labelSchema, to: labelSchema })),
    /** every field's label after the correction */
    labels: z.record(z.string(), labelSchema),
    supersedesTriaged: z.boolean(),
    modelVersion: z.string().min(1),
    correctedAt: z.iso.datetime({ offset: true }),
  }),
);

export type TriageCorrected = EventData<typeof triageCorrectedEvent>;

export const triageCorrectedExample: TriageCorrected = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  reviewId: '7c1d2e3f-2222-4a4a-8b8b-666666666666',
  reviewer: 'lead-ana',
  changes: [{ field: 'urgency', from: 'medium', to: 'high' }],
  labels: {
    urgency: 'high',
    category: 'bug',
    complexity: 'moderate',
    userType: 'experienced',
    component: 'plugin-system',
    sentiment: 'negative',
  },
  supersedesTriaged: false,
  modelVersion: 'tfidf-svm-0123456789ab',
  correctedAt: '2026-11-27T10:20:00.000Z',
};
