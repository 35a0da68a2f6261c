import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema, tierSchema } from '../../vocabulary.js';

/** A ticket handed back one tier down (the higher tier found it did not need them). */
export const ticketDeEscalatedEvent = defineEvent(
  Topics.TicketDeEscalated,
  z.object({
    ticketId: ticketIdSchema,
    deEscalationId: z.uuid(),
    fromTier: tierSchema,
    toTier: tierSchema,
    reason: z.string(),
    requestedBy: z.string().min(1),
    deEscalatedAt: z.iso.datetime({ offset: true }),
  }),
);

export type TicketDeEscalated = EventData<typeof ticketDeEscalatedEvent>;

export const ticketDeEscalatedExample: TicketDeEscalated = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  deEscalationId: '2f2f2f2f-1111-4a4a-8b8b-888888888888',
  fromTier: 'L3',
  toTier: 'L2',
  reason: 'configuration issue, no code change needed',
  requestedBy: 'agent-l3-01',
  deEscalatedAt: '2026-11-27T12:00:00.000Z',
};
