import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { labelSchema, ticketIdSchema } from '../../vocabulary.js';

const confidence = z.number().min(0).max(1);

/** Triage was unsure about some fields and put the ticket in its review queue. */
export const triageReviewRequestedEvent = defineEvent(
  Topics.TriageReviewRequested,
  z.object({
    ticketId: ticketIdSchema,
    reviewId: z.uuid(),
    /** the fields under their confidence threshold, with the runner-up labels a reviewer may pick */
    fields: z.array(
      z.object({
        field: z.string().min(1),
        label: labelSchema,
        confidence,
        threshold: confidence,
        alternatives: z.array(z.object({ label: labelSchema, confidence })),
      }),
    ),
    /** true: `inquiry triaged` is withheld until the review is accepted or corrected */
    holdsTriage: z.boolean(),
    modelVersion: z.string().min(1),
    /** Added after v1 shipped, optional: the person who asked for a review of a confident triage (its fields then carry threshold 1). */
    requestedBy: z.string().min(1).max(200).optional(),
    requestedAt: z.iso.datetime({ offset: true }),
  }),
);

export type TriageReviewRequested = EventData<typeof triageReviewRequestedEvent>;

export const triageReviewRequestedExample: TriageReviewRequested = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  reviewId: '7c1d2e3f-2222-4a4a-8b8b-666666666666',
  fields: [
    {
      field: 'urgency',
      label: 'medium',
      confidence: 0.41,
      threshold: 0.5,
      alternatives: [{ label: 'high', confidence: 0.38 }],
    },
  ],
  holdsTriage: true,
  modelVersion: 'tfidf-svm-0123456789ab',
  requestedAt: '2026-11-27T10:00:01.000Z',
};
