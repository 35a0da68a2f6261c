import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { channelSchema, ticketIdSchema } from '../../vocabulary.js';

/** A follow-up survey (or one of its reminders) is due; a notifier delivers `responsePath` to the customer. */
export const surveySentEvent = defineEvent(
  Topics.SurveySent,
  z.object({
    surveyId: z.uuid(),
    ticketId: ticketIdSchema,
    customerId: z.string().min(1),
    channel: channelSchema,
    /** Relative to intake's public URL; the token in it is the customer's only credential. */
    responsePath: z.string().startsWith('/v1/surveys/'),
    questions: z.array(z.enum(['csat', 'nps'])).min(1),
    /** 0 for the first invitation, then 1, 2, … for reminders. */
    reminder: z.number().int().min(0),
    sentAt: z.iso.datetime({ offset: true }),
  }),
);

export type SurveySent = EventData<typeof surveySentEvent>;

export const surveySentExample: SurveySent = {
  surveyId: '0d6c3f0e-5b7a-4a53-9f77-1c1f0f6f3a10',
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  customerId: 'cust-42',
  channel: 'email',
  responsePath: '/v1/surveys/sv_3q2p9x/responses',
  questions: ['csat', 'nps'],
  reminder: 0,
  sentAt: '2026-11-27T12:10:00.000Z',
};
