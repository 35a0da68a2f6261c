import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { escalationTriggerSchema, ticketIdSchema, tierSchema } from '../../vocabulary.js';

export const ticketEscalatedEvent = defineEvent(
  Topics.TicketEscalated,
  z.object({
    ticketId: ticketIdSchema,
    escalationId: z.uuid(),
    fromTier: tierSchema,
    toTier: tierSchema,
    trigger: escalationTriggerSchema,
    reason: z.string(),
    escalatedAt: z.iso.datetime({ offset: true }),
    /** Added after v1 shipped, optional: the handoff package published with `support.ticket.handoff-prepared.v1`. */
    handoffId: z.uuid().optional(),
  }),
);

export type TicketEscalated = EventData<typeof ticketEscalatedEvent>;

export const ticketEscalatedExample: TicketEscalated = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  escalationId: '9e9e9e9e-5555-4f4f-8a8a-666666666666',
  fromTier: 'L1',
  toTier: 'L2',
  trigger: 'sla_breach',
  reason: 'first_response target missed at L1',
  escalatedAt: '2026-11-27T11:00:02.000Z',
};
