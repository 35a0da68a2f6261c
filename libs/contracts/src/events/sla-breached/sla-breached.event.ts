import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { slaClockKindSchema, ticketIdSchema, tierSchema } from '../../vocabulary.js';

export const slaBreachedEvent = defineEvent(
  Topics.SlaBreached,
  z.object({
    ticketId: ticketIdSchema,
    clockId: z.uuid(),
    kind: slaClockKindSchema,
    tier: tierSchema,
    dueAt: z.iso.datetime({ offset: true }),
    breachedAt: z.iso.datetime({ offset: true }),
  }),
);

export type SlaBreached = EventData<typeof slaBreachedEvent>;

export const slaBreachedExample: SlaBreached = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  clockId: '0c8f5d0a-1111-4a4a-8b8b-222222222222',
  kind: 'first_response',
  tier: 'L2',
  dueAt: '2026-11-27T12:00:01.000Z',
  breachedAt: '2026-11-27T12:00:01.200Z',
};
