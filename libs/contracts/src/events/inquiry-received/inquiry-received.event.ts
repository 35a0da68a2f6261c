import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { channelSchema, labelSchema, serviceLevelSchema, ticketIdSchema } from '../../vocabulary.js';

export const inquiryReceivedEvent = defineEvent(
  Topics.InquiryReceived,
  z.object({
    ticketId: ticketIdSchema,
    channel: channelSchema,
    subject: z.string(),
    body: z.string(),
    customer: z.object({
      id: z.string().min(1),
      email: z.string().optional(),
      serviceLevel: serviceLevelSchema,
      /** Preferred language (BCP 47, e.g. `de`); routing prefers agents who speak it. */
      language: z.string().optional(),
      /** Added after v1 shipped, optional: the account's user type (a configured label); triage uses it instead of inferring one. */
      userType: labelSchema.optional(),
    }),
    environment: z.record(z.string(), z.unknown()).optional(),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
);

export type InquiryReceived = EventData<typeof inquiryReceivedEvent>;

export const inquiryReceivedExample: InquiryReceived = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  channel: 'email',
  subject: 'Plugins stopped loading after upgrade',
  body: 'Since updating to 0.4 none of my plugins load. The log says ModuleNotFoundError.',
  customer: { id: 'cust-42', email: 'ana@example.com', serviceLevel: 'premium' },
  receivedAt: '2026-11-27T10:00:00.000Z',
};
