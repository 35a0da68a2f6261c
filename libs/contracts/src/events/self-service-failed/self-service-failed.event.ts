import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema } from '../../vocabulary.js';

/** Every step was tried and none worked: the ticket goes on with people, carrying what was tried. */
export const selfServiceFailedEvent = defineEvent(
  Topics.SelfServiceFailed,
  z.object({
    ticketId: ticketIdSchema,
    sessionId: z.uuid(),
    articleId: z.string().min(1),
    stepsTried: z.array(z.object({ step: z.number().int().positive(), text: z.string(), note: z.string().optional() })),
    failedAt: z.iso.datetime({ offset: true }),
  }),
);

export type SelfServiceFailed = EventData<typeof selfServiceFailedEvent>;

export const selfServiceFailedExample: SelfServiceFailed = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  sessionId: '3c3c3c3c-7777-4d4d-8e8e-999999999999',
  articleId: 'kb-plugin-not-loading',
  stepsTried: [{ step: 1, text: 'Check that the plugin folder is on the search path.', note: 'it is' }],
  failedAt: '2026-11-27T10:15:00.000Z',
};
