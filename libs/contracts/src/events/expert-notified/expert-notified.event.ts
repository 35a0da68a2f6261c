import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema, tierSchema } from '../../vocabulary.js';

/** Experts with the skill an escalated ticket needs were asked to join (SOP step 4.1, expert mobilisation). */
export const expertNotifiedEvent = defineEvent(
  Topics.ExpertNotified,
  z.object({
    ticketId: ticketIdSchema,
    escalationId: z.uuid(),
    skill: z.string().min(1),
    experts: z.array(z.string()),
    tier: tierSchema,
    reason: z.string(),
    notifiedAt: z.iso.datetime({ offset: true }),
  }),
);

export type ExpertNotified = EventData<typeof expertNotifiedEvent>;

export const expertNotifiedExample: ExpertNotified = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  escalationId: '9e9e9e9e-5555-4f4f-8a8a-666666666666',
  skill: 'plugin-system',
  experts: ['expert-plugins-01'],
  tier: 'L3',
  reason: 'code change needed in the plugin loader',
  notifiedAt: '2026-11-27T11:00:03.000Z',
};
