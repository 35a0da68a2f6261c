import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { slaClockKindSchema, ticketIdSchema, tierSchema } from '../../vocabulary.js';

/** Emitted once per clock, before the breach, when queue, agent load and history predict a miss. */
export const slaAtRiskEvent = defineEvent(
  Topics.SlaAtRisk,
  z.object({
    ticketId: ticketIdSchema,
    clockId: z.uuid(),
    kind: slaClockKindSchema,
    tier: tierSchema,
    dueAt: z.iso.datetime({ offset: true }),
    predictedAt: z.iso.datetime({ offset: true }),
    remainingMs: z.number().int(),
    expectedMs: z.number().int(),
    reasons: z.array(z.string()),
  }),
);

export type SlaAtRisk = EventData<typeof slaAtRiskEvent>;

export const slaAtRiskExample: SlaAtRisk = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  clockId: '0c8f5d0a-1111-4a4a-8b8b-222222222222',
  kind: 'resolution',
  tier: 'L2',
  dueAt: '2026-11-27T18:00:00.000Z',
  predictedAt: '2026-11-27T10:05:00.000Z',
  remainingMs: 28_500_000,
  expectedMs: 36_000_000,
  reasons: ['position 4 in the L2 queue', 'mean L2 resolution 2.5 h over 40 tickets'],
};
