import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema } from '../../vocabulary.js';

export const ticketResolvedEvent = defineEvent(
  Topics.TicketResolved,
  z.object({
    ticketId: ticketIdSchema,
    resolvedBy: z.string().min(1),
    resolutionNote: z.string().optional(),
    resolvedAt: z.iso.datetime({ offset: true }),
  }),
);

export type TicketResolved = EventData<typeof ticketResolvedEvent>;

export const ticketResolvedExample: TicketResolved = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  resolvedBy: 'agent-l2-01',
  resolutionNote: 'Reinstalled the plugin for the new Python version.',
  resolvedAt: '2026-11-27T11:10:00.000Z',
};
