import { z } from 'zod';
import { defineEvent, type EventData } from '../../define-event.js';
import { Topics } from '../../topics.js';
import { channelSchema, ticketIdSchema } from '../../vocabulary.js';

/** A customer's message on an existing ticket (an email reply, a chat line, a GitHub comment). */
export const customerRepliedEvent = defineEvent(
  Topics.CustomerReplied,
  z.object({
    ticketId: ticketIdSchema,
    messageId: z.uuid(),
    channel: channelSchema,
    body: z.string(),
    repliedAt: z.iso.datetime({ offset: true }),
  }),
);

export type CustomerReplied = EventData<typeof customerRepliedEvent>;

export const customerRepliedExample: CustomerReplied = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  messageId: '1a2b3c4d-1111-4e4e-8f8f-555555555555',
  channel: 'email',
  body: 'Still broken after the reinstall, this is getting really frustrating.',
  repliedAt: '2026-11-27T12:00:00.000Z',
};
