import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { summary } from '../chat/chat-message.js';
import { environmentFromText, environmentSchema } from '../environment.js';
import { inboundCustomerSchema } from '../inbound-customer.schema.js';
import type { InboundMessage } from '../ingest/inbound-message.js';

/**
 * The generic community-forum webhook (`POST /v1/channels/forum`). Any forum software can send
 * this shape; the first post of a thread opens a ticket, later posts in the thread are replies.
 */
export const forumPostSchema = z
  .object({
    postId: z.string().trim().min(1).max(200).describe('unique per post; a repeated delivery of the same post is a duplicate'),
    threadId: z.string().trim().min(1).max(200).describe('the topic; every post of a thread lands on the same ticket'),
    title: z.string().trim().min(1).max(500).optional().describe('thread title; defaults to the start of the body'),
    body: z.string().trim().min(1).max(100_000).describe('the post text (plain text or Markdown)'),
    author: inboundCustomerSchema.describe('email/handle identify the same person on other channels'),
    url: z.url().optional(),
    environment: environmentSchema
      .optional()
      .describe('os, pythonVersion, appVersion, plugins, terminal, ...; else read from the body'),
    postedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export type ForumPost = z.infer<typeof forumPostSchema>;

export function forumInbound(body: unknown, correlationId: string): InboundMessage {
  const post = parseInput(forumPostSchema, body);
  return {
    channel: 'forum',
    messageKey: `forum:${post.postId}`,
    aliasKeys: [],
    threadRefs: [`forum-thread:${post.threadId}`],
    threadKeys: [`forum-thread:${post.threadId}`],
    continueResolved: true,
    startsThread: false,
    customer: post.author,
    subject: post.title ?? summary(post.body),
    body: post.body,
    environment: post.environment ?? environmentFromText(post.body),
    attachments: [],
    externalId: post.url ?? post.postId,
    correlationId,
  };
}
