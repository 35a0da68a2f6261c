import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { ticketIdSchema } from '../../vocabulary.js';

export const knowledgeSuggestedEvent = defineEvent(
  Topics.KnowledgeSuggested,
  z.object({
    ticketId: ticketIdSchema,
    query: z.string(),
    suggestions: z.array(z.object({ articleId: z.string().min(1), title: z.string(), score: z.number().min(0).max(1) })),
  }),
);

export type KnowledgeSuggested = EventData<typeof knowledgeSuggestedEvent>;

export const knowledgeSuggestedExample: KnowledgeSuggested = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  query: 'Plugins stopped loading after upgrade',
  suggestions: [{ articleId: 'kb-plugin-fails-to-load', title: 'A plugin fails to load', score: 0.71 }],
};
