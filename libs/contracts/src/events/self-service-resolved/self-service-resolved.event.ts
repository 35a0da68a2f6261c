import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema } from '../../vocabulary.js';

/** A customer solved the inquiry with an article's steps: a deflection, the ticket is resolved. */
export const selfServiceResolvedEvent = defineEvent(
  Topics.SelfServiceResolved,
  z.object({
    ticketId: ticketIdSchema,
    sessionId: z.uuid(),
    articleId: z.string().min(1),
    /** 1-based step after which the customer said it worked. */
    resolvedAtStep: z.number().int().positive(),
    resolvedAt: z.iso.datetime({ offset: true }),
  }),
);

export type SelfServiceResolved = EventData<typeof selfServiceResolvedEvent>;

export const selfServiceResolvedExample: SelfServiceResolved = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  sessionId: '3c3c3c3c-7777-4d4d-8e8e-999999999999',
  articleId: 'kb-plugin-not-loading',
  resolvedAtStep: 2,
  resolvedAt: '2026-11-27T10:12:00.000Z',
};
