import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema, ticketStatusSchema } from '../../vocabulary.js';

/**
 * Every lifecycle transition of a ticket. SLA clocks pause on `waiting_on_customer` and resume
 * when it leaves that status; escalation counts `reopenCount`.
 */
export const ticketStatusChangedEvent = defineEvent(
  Topics.TicketStatusChanged,
  z.object({
    ticketId: ticketIdSchema,
    from: ticketStatusSchema,
    to: ticketStatusSchema,
    /** How many times the ticket has left resolved/closed for open, including this change. */
    reopenCount: z.number().int().min(0),
    changedBy: z.string().min(1),
    reason: z.string().optional(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
);

export type TicketStatusChanged = EventData<typeof ticketStatusChangedEvent>;

export const ticketStatusChangedExample: TicketStatusChanged = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  from: 'open',
  to: 'waiting_on_customer',
  reopenCount: 0,
  changedBy: 'agent-l2-01',
  reason: 'asked for the diagnostics output',
  changedAt: '2026-11-27T10:31:00.000Z',
};
