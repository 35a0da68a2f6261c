import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { environmentSchema } from '../environment.js';
import { inboundCustomerSchema } from '../inbound-customer.schema.js';
import type { InboundMessage } from '../ingest/inbound-message.js';

export const chatMessageSchema = z
  .object({
    conversationId: z.string().trim().min(1).max(200),
    messageId: z.string().trim().min(1).max(200),
    customer: inboundCustomerSchema,
    text: z.string().trim().min(1).max(100_000),
    /** Defaults to the start of the first message. */
    subject: z.string().trim().min(1).max(500).optional(),
    environment: environmentSchema.optional(),
  })
  .strict();

export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A chat line joins its conversation's open ticket; once that is resolved or closed, a new ticket starts. */
export function chatInbound(body: unknown, correlationId: string): InboundMessage {
  const chat = parseInput(chatMessageSchema, body);
  return {
    channel: 'chat',
    messageKey: `chat:${chat.messageId}`,
    aliasKeys: [],
    threadRefs: [`chat-conversation:${chat.conversationId}`],
    threadKeys: [`chat-conversation:${chat.conversationId}`],
    continueResolved: false,
    startsThread: false,
    customer: chat.customer,
    subject: chat.subject ?? summary(chat.text),
    body: chat.text,
    environment: chat.environment,
    attachments: [],
    externalId: chat.messageId,
    correlationId,
  };
}

export const summary = (text: string) => {
  const [firstLine = ''] = text.trim().split(/\r?\n/);
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine;
};
