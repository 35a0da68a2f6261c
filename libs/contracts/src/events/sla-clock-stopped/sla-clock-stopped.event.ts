import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { slaClockKindSchema, ticketIdSchema } from '../../vocabulary.js';

export const slaClockStoppedEvent = defineEvent(
  Topics.SlaClockStopped,
  z.object({
    ticketId: ticketIdSchema,
    clockId: z.uuid(),
    kind: slaClockKindSchema,
    stoppedAt: z.iso.datetime({ offset: true }),
    reason: z.enum(['responded', 'resolved', 'rerouted', 'closed', 'merged']),
    met: z.boolean(),
  }),
);

export type SlaClockStopped = EventData<typeof slaClockStoppedEvent>;

export const slaClockStoppedExample: SlaClockStopped = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  clockId: '0c8f5d0a-1111-4a4a-8b8b-222222222222',
  kind: 'first_response',
  stoppedAt: '2026-11-27T10:40:00.000Z',
  reason: 'responded',
  met: true,
};
