import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';

export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export const agentStatusSchema = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** Keyed by agent id (the envelope subject), not by ticket. */
export const agentStatusChangedEvent = defineEvent(
  Topics.AgentStatusChanged,
  z.object({
    agentId: z.string().min(1),
    from: agentStatusSchema,
    to: agentStatusSchema,
    changedAt: z.iso.datetime({ offset: true }),
  }),
);

export type AgentStatusChanged = EventData<typeof agentStatusChangedEvent>;

export const agentStatusChangedExample: AgentStatusChanged = {
  agentId: 'agent-l2-01',
  from: 'online',
  to: 'offline',
  changedAt: '2026-11-27T17:00:00.000Z',
};
