import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { channelSchema, ticketIdSchema } from '../../vocabulary.js';

/** A duplicate ticket folded into the one that survives; consumers treat `mergedTicketId` as closed. */
export const ticketMergedEvent = defineEvent(
  Topics.TicketMerged,
  z.object({
    ticketId: ticketIdSchema,
    mergedTicketId: ticketIdSchema,
    reason: z.enum(['duplicate', 'cross_channel', 'manual']),
    channel: channelSchema.optional(),
    mergedBy: z.string().min(1),
    mergedAt: z.iso.datetime({ offset: true }),
  }),
);

export type TicketMerged = EventData<typeof ticketMergedEvent>;

export const ticketMergedExample: TicketMerged = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  mergedTicketId: '6c1f8b2f-9d64-4e4a-8b6a-1a2c2d2e3f40',
  reason: 'cross_channel',
  channel: 'github',
  mergedBy: 'intake',
  mergedAt: '2026-11-27T10:05:00.000Z',
};
