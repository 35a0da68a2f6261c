import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema } from '../../vocabulary.js';

export const ticketRespondedEvent = defineEvent(
  Topics.TicketResponded,
  z.object({
    ticketId: ticketIdSchema,
    responseId: z.uuid(),
    authorId: z.string().min(1),
    body: z.string(),
    respondedAt: z.iso.datetime({ offset: true }),
  }),
);

export type TicketResponded = EventData<typeof ticketRespondedEvent>;

export const ticketRespondedExample: TicketResponded = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  responseId: '7d7d7d7d-3333-4c4c-9d9d-444444444444',
  authorId: 'agent-l2-01',
  body: 'Could you run the diagnostics command and attach the output?',
  respondedAt: '2026-11-27T10:30:00.000Z',
};
