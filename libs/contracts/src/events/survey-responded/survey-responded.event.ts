import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema } from '../../vocabulary.js';

/**
 * A customer answered a follow-up survey. `followUp` is true when a score is at or below the
 * configured threshold: the lifecycle reopens (or flags) the ticket for a person to follow up.
 */
export const surveyRespondedEvent = defineEvent(
  Topics.SurveyResponded,
  z.object({
    surveyId: z.uuid(),
    ticketId: ticketIdSchema,
    /** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
    csat: z.number().int().min(1).max(5).optional(),
    /** Net promoter answer, 0 to 10. */
    nps: z.number().int().min(0).max(10).optional(),
    comment: z.string().max(5000).optional(),
    followUp: z.boolean(),
    respondedAt: z.iso.datetime({ offset: true }),
  }),
);

export type SurveyResponded = EventData<typeof surveyRespondedEvent>;

export const surveyRespondedExample: SurveyResponded = {
  surveyId: '0d6c3f0e-5b7a-4a53-9f77-1c1f0f6f3a10',
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  csat: 2,
  nps: 4,
  comment: 'The fix worked only for a day.',
  followUp: true,
  respondedAt: '2026-11-27T13:00:00.000Z',
};
