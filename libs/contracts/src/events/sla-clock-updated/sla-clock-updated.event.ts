import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { slaClockKindSchema, ticketIdSchema, tierSchema } from '../../vocabulary.js';

/**
 * A running clock paused (ticket waiting on the customer), resumed, or got a new due time because
 * its policy or calendar changed. `dueAt` is null while paused; `remainingMs` is target time left.
 */
export const slaClockUpdatedEvent = defineEvent(
  Topics.SlaClockUpdated,
  z.object({
    ticketId: ticketIdSchema,
    clockId: z.uuid(),
    kind: slaClockKindSchema,
    tier: tierSchema,
    state: z.enum(['running', 'paused']),
    reason: z.enum(['paused', 'resumed', 'policy_changed']),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    remainingMs: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);

export type SlaClockUpdated = EventData<typeof slaClockUpdatedEvent>;

export const slaClockUpdatedExample: SlaClockUpdated = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  clockId: '0c8f5d0a-1111-4a4a-8b8b-222222222222',
  kind: 'resolution',
  tier: 'L2',
  state: 'paused',
  reason: 'paused',
  dueAt: null,
  remainingMs: 5_400_000,
  updatedAt: '2026-11-27T10:31:00.000Z',
};
