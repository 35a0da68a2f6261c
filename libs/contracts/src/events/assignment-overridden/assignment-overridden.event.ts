import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema, tierSchema } from '../../vocabulary.js';

export const assignmentOverriddenEvent = defineEvent(
  Topics.AssignmentOverridden,
  z.object({
    ticketId: ticketIdSchema,
    tier: tierSchema,
    fromAgentId: z.string().nullable(),
    toAgentId: z.string().min(1),
    supervisorId: z.string().min(1),
    reason: z.string().min(1),
    /** The automatic decision being corrected, so routing accuracy can be measured. */
    overriddenVersion: z.number().int().positive(),
    overriddenAt: z.iso.datetime({ offset: true }),
  }),
);

export type AssignmentOverridden = EventData<typeof assignmentOverriddenEvent>;

export const assignmentOverriddenExample: AssignmentOverridden = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  tier: 'L2',
  fromAgentId: 'agent-l2-01',
  toAgentId: 'agent-l2-03',
  supervisorId: 'sup-1',
  reason: 'Jade knows this plugin best',
  overriddenVersion: 1,
  overriddenAt: '2026-11-27T10:05:00.000Z',
};
