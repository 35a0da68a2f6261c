import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema, tierSchema } from '../../vocabulary.js';

export const ticketRoutedEvent = defineEvent(
  Topics.TicketRouted,
  z.object({
    ticketId: ticketIdSchema,
    tier: tierSchema,
    agentId: z.string().min(1).nullable(),
    /** Increases on every re-route of the same ticket, so consumers can ignore stale decisions. */
    assignmentVersion: z.number().int().positive(),
    score: z.number(),
    confidence: z.number().min(0).max(1),
    rationale: z.array(z.string()),
    /** `queue`: assigned when capacity freed up for a ticket that was waiting. */
    reason: z.enum(['initial', 'queue', 'escalation', 'rebalance', 'override']),
  }),
);

export type TicketRouted = EventData<typeof ticketRoutedEvent>;

export const ticketRoutedExample: TicketRouted = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  tier: 'L2',
  agentId: 'agent-l2-01',
  assignmentVersion: 1,
  score: 0.8,
  confidence: 0.7,
  rationale: ['tier L2: plugin problem (SOP table)', 'least loaded L2 agent (1/8 open)'],
  reason: 'initial',
};
