import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema, tierSchema } from '../../vocabulary.js';

export const ticketQueuedEvent = defineEvent(
  Topics.TicketQueued,
  z.object({
    ticketId: ticketIdSchema,
    tier: tierSchema,
    /** 1 is next in line for the tier when this was emitted; positions move as others arrive and leave. */
    position: z.number().int().positive(),
    priority: z.number(),
    reason: z.string(),
    queuedAt: z.iso.datetime({ offset: true }),
  }),
);

export type TicketQueued = EventData<typeof ticketQueuedEvent>;

export const ticketQueuedExample: TicketQueued = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  tier: 'L2',
  position: 3,
  priority: 350,
  reason: 'no online L2 agent has free capacity',
  queuedAt: '2026-11-27T10:00:01.000Z',
};
